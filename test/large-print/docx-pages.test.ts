/**
 * The large print Word handbook as LibreOffice lays it out (an independent reader): every text
 * of its PDF export at 16 pt or larger, and the contents' PAGEREF numbers equal to the pages the
 * headings land on, with the bigger type and more pages.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/build.js';
import { docxToPdf, docxToPdfPages, libreOfficeSkip } from '../helpers/libreoffice.js';
import { headingPages, printedContents } from '../docx/contents-pages.js';
import { textSpans } from './read-pdf.js';

const SOURCE = fileURLToPath(new URL('../../content', import.meta.url));

describe('large print Word handbook in LibreOffice', { skip: libreOfficeSkip }, () => {
  it(
    'sets every text at 16 pt or more and prints the right contents pages',
    { timeout: 300_000 },
    async () => {
      const result = await build({
        source: SOURCE,
        formats: ['docx'],
        version: '1.0',
        date: '2026-11-01',
        largePrint: true,
      });
      const docx = result.outputs[0]!.bytes;
      const spans = await textSpans(docxToPdf(docx));
      assert.ok(spans.length > 1000, `${spans.length} spans`);
      assert.deepEqual(
        spans
          .filter((s) => s.size < 16 - 0.01)
          .slice(0, 10)
          .map((s) => `p${s.page} ${s.size.toFixed(2)} "${s.text}"`),
        [],
      );
      const pages = docxToPdfPages(docx);
      const { entries, firstPage, lastPage } = printedContents(pages);
      assert.ok(entries.length > result.handbook.chapters.length, `${entries.length} entries`);
      const landed = headingPages(
        pages,
        entries.map((e) => e.title),
        [firstPage, lastPage],
      );
      assert.deepEqual(
        entries.map((e, i) => `${e.title} → ${landed[i]}`),
        entries.map((e) => `${e.title} → ${e.page}`),
      );
    },
  );
});
