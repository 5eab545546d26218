/**
 * The contents of the Word handbook shows the right page numbers without anyone updating
 * fields: LibreOffice's PDF export of the built .docx prints, for every entry, the page where
 * that heading lands in the same PDF. On content/ (built as the CLI does) and on the sample.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { build } from '../../src/build.js';
import { docxToPdfPages, libreOfficeSkip } from '../helpers/libreoffice.js';
import { headingPages, printedContents } from './contents-pages.js';
import { headingOutline } from './docx-check.js';
import { render } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function assertContentsPages(bytes: Uint8Array): void {
  const pages = docxToPdfPages(bytes);
  const { entries, firstPage, lastPage } = printedContents(pages);
  const listed = headingOutline(bytes).filter((h) => h.level <= 3);
  assert.deepEqual(
    entries.map((e) => e.title),
    listed.map((h) => h.text),
    'one printed entry per listed heading, in order',
  );
  const landed = headingPages(
    pages,
    entries.map((e) => e.title),
    [firstPage, lastPage],
  );
  assert.deepEqual(
    entries.map((e, i) => `${e.title} → ${landed[i]}`),
    entries.map((e) => `${e.title} → ${e.page}`),
  );
  // The cover shows neither the running head nor the footer.
  assert.doesNotMatch(pages[0] ?? '', /Page \d+ of \d+/);
}

describe('contents page numbers in LibreOffice’s PDF', { skip: libreOfficeSkip }, () => {
  it('equal the pages the headings land on (content/)', { timeout: 180_000 }, async () => {
    const result = await build({
      source: path.join(ROOT, 'content'),
      formats: ['docx'],
      version: '1.0',
      date: '2026-11-01',
    });
    const out = result.outputs.find((o) => o.format === 'docx');
    assert.ok(out);
    assertContentsPages(out.bytes);
  });

  it('equal the pages the headings land on (sample handbook)', { timeout: 120_000 }, async () => {
    assertContentsPages((await render()).bytes);
  });
});
