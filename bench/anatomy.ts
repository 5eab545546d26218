/**
 * Where does the time go? A diagnostic breakdown of one PDF build, finer than the stages:
 * each print pass split into render / load / fonts / print / read destinations, the finishing
 * split into its steps, and measured alternatives for the costliest ones (Flate coding,
 * tagged vs untagged printing). Not part of `npm run bench`; run it when looking for speed:
 *
 *   node --import tsx bench/anatomy.ts [--source content] [--chrome PATH] [--runs 3]
 *
 * It imports pipeline internals (src/pdf/finish/*), so it may need updating when they change.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument, PDFHeader, decodePDFRawStream, PDFRawStream } from 'pdf-lib';
import { DATE, chromePath } from './measure.js';
import { median, ms, table } from './stats.js';

const { values } = parseArgs({
  options: {
    source: { type: 'string', default: 'content' },
    chrome: { type: 'string' },
    runs: { type: 'string', default: '3' },
  },
});
const runs = Number(values.runs);
const rows: string[][] = [];
const samples = new Map<string, number[]>();

async function t<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
  const s = performance.now();
  const r = await fn();
  samples.set(label, [...(samples.get(label) ?? []), performance.now() - s]);
  return r;
}

const { prepare } = await import('../src/prepare.js');
const { Timings } = await import('../src/progress.js');
const { renderHtml } = await import('../src/html/index.js');
const { renderDocx } = await import('../src/docx/index.js');
const { openSession } = await import('../src/pdf/index.js');
const { preparePrintPage, PDF_OPTIONS } = await import('../src/pdf/print-page.js');
const { pageNumbersOf, readDestinations } = await import('../src/pdf/destinations.js');
const fin = {
  ...(await import('../src/pdf/finish/metadata.js')),
  ...(await import('../src/pdf/finish/catalog.js')),
  ...(await import('../src/pdf/finish/structure.js')),
  ...(await import('../src/pdf/finish/links.js')),
  ...(await import('../src/pdf/finish/outline.js')),
  ...(await import('../src/pdf/finish/artifacts.js')),
  ...(await import('../src/pdf/finish/file-id.js')),
  ...(await import('../src/pdf/finish/content-tokens.js')),
};

const source = resolve(values.source!);
const tree = { root: source };
const { handbook } = await t('prepare (load…transform)', () =>
  prepare({ source, version: 'bench', date: DATE, timings: new Timings() }),
);
const chrome = await chromePath(values.chrome);
const session = await t('browser launch', () => openSession({ chrome }));
let printed: Uint8Array = new Uint8Array();
try {
  for (let r = 0; r < runs; r++) {
    await renderDocx(handbook, { assetsRoot: tree.root }).then(() => undefined);
    await t('docx render', () => renderDocx(handbook, { assetsRoot: tree.root }));
    await session.withPage(async (page) => {
      await preparePrintPage(page);
      let numbers: Record<string, number> | undefined;
      for (const pass of [1, 2]) {
        const { html } = await t(`pass ${pass}: render print HTML`, () =>
          renderHtml(handbook, {
            mode: 'print',
            assetsRoot: tree.root,
            ...(numbers ? { pageNumbers: numbers } : {}),
          }),
        );
        await t(`pass ${pass}: setContent (load)`, () =>
          page.setContent(html, { waitUntil: 'load', timeout: 0 }),
        );
        await t(`pass ${pass}: fonts ready`, () =>
          page.evaluate('document.fonts.ready.then(() => document.fonts.status)'),
        );
        printed = await t(`pass ${pass}: page.pdf (tagged)`, () =>
          page.pdf({ ...PDF_OPTIONS, timeout: 0 }),
        );
        numbers = (
          await t(`pass ${pass}: read destinations (pdf-lib load)`, () => pageNumbersOf(printed))
        ).pageOf;
        if (pass === 2)
          await t('alt: page.pdf untagged (same page)', () =>
            page.pdf({ ...PDF_OPTIONS, tagged: false, timeout: 0 }),
          );
      }
    });
    await finishBreakdown(printed);
  }
} finally {
  await session.close();
}

async function finishBreakdown(bytes: Uint8Array): Promise<void> {
  const doc = await t('finish: PDFDocument.load', () =>
    PDFDocument.load(bytes, { updateMetadata: false }),
  );
  doc.context.header = PDFHeader.forVersion(1, 7);
  const meta = fin.docMetadata(handbook.meta, { date: DATE, producer: 'bench' });
  await t('finish: info, XMP, catalog, OutputIntent', () => {
    fin.setInfo(doc, meta);
    fin.setXmp(doc, meta);
    fin.setCatalogFlags(doc, handbook.meta.language);
    fin.setPageLabels(doc);
    fin.setOutputIntent(doc);
  });
  await t('finish: structure tree (RoleMap, figures, tables)', () => {
    const elems = fin.readStructTree(doc);
    fin.addRoleMap(doc, elems);
    fin.fixFigures(elems);
    fin.fixTableHeaders(doc, elems);
  });
  await t('finish: links', () => fin.fixLinks(doc, fin.linkTexts(handbook)));
  await t('finish: outline', () => fin.setOutline(doc, handbook, readDestinations(doc)));
  await artifactBreakdown(doc);
  await t('finish: markArtifacts (as built)', () => fin.markArtifacts(doc));
  fin.setPlaceholderId(doc);
  const saved = await t('finish: save', () =>
    doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false }),
  );
  await t('finish: stampId', () => fin.stampId(saved));
}

/** The artifact pass in parts, and the proposed alternatives on the same pages. */
async function artifactBreakdown(doc: PDFDocument): Promise<void> {
  const streams = doc
    .getPages()
    .map((p) => fin.pageContent(doc, p))
    .filter((c) => c !== undefined);
  const raws = doc
    .getPages()
    .map((p) => doc.context.lookup(p.node.Contents() as never))
    .filter((s): s is PDFRawStream => s instanceof PDFRawStream);
  await t('  artifacts: inflate (pdf-lib JS)', () =>
    raws.forEach((s) => decodePDFRawStream(s).decode()),
  );
  await t('  artifacts: inflate (node:zlib)', () => raws.forEach((s) => inflateSync(s.contents)));
  const inserts = await t('  artifacts: tokenize + find runs (artifactInsertions)', () =>
    streams.map((c) => fin.artifactInsertions(c.bytes)),
  );
  const wrapped = streams
    .map((c) => fin.wrapArtifacts(c.bytes))
    .filter((w): w is Uint8Array => w !== undefined);
  await t('  artifacts: deflate (pdf-lib flateStream, pako)', () =>
    wrapped.forEach((w) => doc.context.flateStream(w)),
  );
  await t('  artifacts: deflate (node:zlib level 6)', () =>
    wrapped.forEach((w) => deflateSync(w, { level: 6 })),
  );
  const kb = (n: number): string => `${Math.round(n / 1024)} KB`;
  if (rows.length === 0) {
    const runs = inserts.reduce((n, x) => n + x.length / 2, 0);
    rows.push([`  (artifact runs wrapped: ${runs})`, '', '']);
    rows.push([
      `  (content streams: ${streams.length} pages, ${kb(streams.reduce((n, c) => n + c.bytes.length, 0))} decoded)`,
      '',
      '',
    ]);
  }
}

const out = [...samples].map(([label, xs]) => [
  label,
  ms(median(xs)),
  xs.map((x) => Math.round(x)).join(' '),
]);
process.stdout.write(`${table(['step', `median of ${runs}`, 'runs (ms)'], [...out, ...rows])}\n`);
