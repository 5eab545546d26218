/**
 * The editions fixture printed: every edition in one process with one browser, each PDF passing
 * the PDF/UA checks of test/pdf/ua-check.ts, its cover naming the organisation, its running
 * foot naming it on every page, its bookmarks holding the local page and not the left-out one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import { build } from '../../src/build.js';
import { buildEditions, type EditionBuild } from '../../src/editions/build-all.js';
import { openSession } from '../../src/pdf/index.js';
import { outlineTitles, readWithPdfJs } from '../pdf/inspect.js';
import { checkPdf, failures } from '../pdf/ua-check.js';
import { tempDir } from '../release/tree.js';
import { editionsSource } from './fixture.js';

const pdfOf = (b: EditionBuild): Uint8Array =>
  b.result.outputs.find((o) => o.format === 'pdf')!.bytes;

test(
  'every edition of the fixture as a PDF, one browser for all',
  { timeout: 600_000 },
  async (t) => {
    const tmp = await tempDir(t, 'hb-editions-pdf-');
    const source = await editionsSource(tmp);
    const session = await openSession({});
    t.after(() => session.close());
    const builds = await buildEditions({
      source,
      edition: 'all',
      formats: ['pdf'],
      date: '2026-12-01',
      cache: false,
      session,
    });
    const [, north, south] = builds as [EditionBuild, EditionBuild, EditionBuild];

    for (const b of [north, south]) {
      await t.test(`${b.edition}: PDF/UA checks pass`, async () => {
        const bytes = pdfOf(b);
        const results = await checkPdf(bytes, { pages: await readWithPdfJs(bytes) });
        assert.equal(failures(results), '');
      });
    }

    await t.test('north: cover, foot and bookmarks', async () => {
      const bytes = pdfOf(north);
      const pages = await readWithPdfJs(bytes);
      const cover = pages[0]!.lines.join(' ');
      assert.match(cover, /North Example Integrated Care Board/);
      assert.match(cover, /North House, 2 Test Road/);
      const body = pages.slice(1);
      const feet = body.filter((p) =>
        p.artifactText.some((a) => a.s.includes('North Example Integrated Care Board')),
      );
      assert.equal(feet.length, body.length, 'every page after the cover names the organisation');
      const titles = outlineTitles(await PDFDocument.load(bytes, { updateMetadata: false }));
      assert.ok(titles.includes('1:Local support in the north'), titles.join('\n'));
      assert.ok(!titles.includes('1:Training'));
      const control = pages.find((p) => p.lines.some((l) => l.startsWith('Document control')));
      assert.match(
        control?.lines.join(' ') ?? '',
        /Edition North Example Integrated Care Board \(north-icb\)/,
      );
    });

    await t.test('an edition built on its own gives the same PDF bytes', async () => {
      // Another guess of where headings land (the south's, not the main guide's): same bytes.
      const alone = await build({
        source,
        edition: 'north-icb',
        formats: ['pdf'],
        date: '2026-12-01',
        cache: false,
        session,
      });
      assert.ok(Buffer.from(alone.outputs[0]!.bytes).equals(Buffer.from(pdfOf(north))));
    });

    await t.test('south: the local page is the last appendix', async () => {
      const doc = await PDFDocument.load(pdfOf(south), { updateMetadata: false });
      const top = outlineTitles(doc).filter((x) => x.startsWith('1:'));
      assert.equal(top.at(-1), '1:Appendix B: Contacts in the south');
    });
  },
);
