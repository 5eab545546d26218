/**
 * Prints the sample handbook with the real HTML renderer and real Chromium, finishes it, and
 * reopens the file: the independent PDF/UA-1 check (ua-check.ts), plus what the sample can
 * pin down more precisely (XMP values, dates, link descriptions, page labels).
 * One browser, one print; every test below reads the same finished file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import type { Handbook } from '../../src/model.js';
import { BrowserSession, finishPdf, openSession, printHandbook } from '../../src/pdf/index.js';
import { SAMPLE_ASSETS_ROOT, sampleHandbook } from '../html/sample-handbook.js';
import { expectedBookmarks, readContents } from './expect.js';
import {
  annotations,
  outlineTitles,
  readWithPdfJs,
  str,
  structElems,
  type PdfJsPage,
} from './inspect.js';
import { checkPdf, conditionTests, type CheckResult } from './ua-check.js';

const OPTS = { date: '2024-03-01', producer: 'handbook-press test' };

let session: BrowserSession;
let hb: Handbook;
let bytes: Uint8Array;
let doc: PDFDocument;
let pages: PdfJsPage[];
let pageOf: Record<string, number>;
let checks: CheckResult[];

let printedBytes: Uint8Array;

async function build(): Promise<{ bytes: Uint8Array; pageOf: Record<string, number> }> {
  const printed = await printHandbook(hb, session, { assetsRoot: SAMPLE_ASSETS_ROOT });
  printedBytes = printed.bytes;
  const finished = await finishPdf(printed, hb, OPTS);
  return { bytes: finished.bytes, pageOf: printed.pageOf };
}

before(async () => {
  session = await openSession();
  hb = sampleHandbook();
  ({ bytes, pageOf } = await build());
  doc = await PDFDocument.load(bytes, { updateMetadata: false });
  pages = await readWithPdfJs(bytes);
  checks = await checkPdf(bytes, { pages });
});

after(async () => {
  await session?.close();
});

describe('finished PDF: independent PDF/UA-1 check', () => {
  it('passes every condition', (t) => conditionTests(t, checks));

  it("fails Chromium's unfinished print on what finishing adds (the check can fail)", async () => {
    const raw = await checkPdf(printedBytes);
    const failed = raw.filter((r) => !r.ok).map((r) => r.condition);
    for (const expected of [
      'XMP dc:title',
      'XMP pdfuaid:part=1',
      'PDF/A identification (pdfaid part + conformance)',
      'OutputIntent with an ICC DestOutputProfile',
      'trailer /ID',
      'zero untagged content (drawing outside marked content)',
      'bookmarks (/Outlines with entries)',
      'every LI holds only Lbl and LBody',
    ]) {
      assert.ok(failed.includes(expected), `${expected} should fail: ${failed.join(' | ')}`);
    }
  });
});

describe('finished PDF: document level', () => {
  it('has XMP with dc:title, pdfuaid:part 1, pdfaid part 2 and the pdfuaid extension schema', () => {
    const meta = doc.catalog.lookup(PDFName.of('Metadata'));
    assert.ok(meta instanceof PDFRawStream);
    assert.equal(meta.dict.get(PDFName.of('Filter')), undefined, 'XMP is left uncompressed');
    const xmp = new TextDecoder().decode(meta.contents);
    assert.match(
      xmp,
      new RegExp(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${hb.meta.title}</rdf:li>`),
    );
    assert.match(xmp, /<pdfuaid:part>1<\/pdfuaid:part>/);
    assert.match(xmp, /<pdfaid:part>2<\/pdfaid:part>/);
    assert.match(xmp, /<pdfaid:conformance>A<\/pdfaid:conformance>/);
    assert.match(xmp, /<pdfaSchema:prefix>pdfuaid<\/pdfaSchema:prefix>/);
    assert.match(xmp, /<xmp:CreateDate>2024-03-01T00:00:00Z<\/xmp:CreateDate>/);
    assert.match(xmp, new RegExp(`<dc:language><rdf:Bag><rdf:li>${hb.meta.language}</rdf:li>`));
  });

  it('Info agrees with XMP and carries the given date, not the clock', () => {
    assert.equal(doc.getTitle(), hb.meta.title);
    assert.equal(doc.getProducer(), OPTS.producer);
    assert.equal(doc.getCreationDate()?.toISOString(), '2024-03-01T00:00:00.000Z');
    assert.equal(doc.getModificationDate()?.toISOString(), '2024-03-01T00:00:00.000Z');
    assert.match(doc.getKeywords() ?? '', new RegExp(`version ${hb.meta.version}`));
  });

  it('has an sRGB OutputIntent with an ICC profile and a trailer /ID of two equal strings', () => {
    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    const intent = intents.lookup(0, PDFDict);
    assert.equal(str(intent.get(PDFName.of('S'))), 'GTS_PDFA1');
    const icc = intent.lookup(PDFName.of('DestOutputProfile'));
    assert.ok(icc instanceof PDFRawStream);
    const profile = decodePDFRawStream(icc).decode();
    assert.equal(new TextDecoder().decode(profile.subarray(36, 40)), 'acsp');
    assert.equal(new DataView(profile.buffer, profile.byteOffset).getUint32(0), profile.length);
    const id = doc.context.trailerInfo.ID;
    assert.ok(id instanceof PDFArray && id.size() === 2);
    assert.equal(id.get(0).toString(), id.get(1).toString());
    assert.match(id.get(0).toString(), /^<[0-9A-F]{32}>$/);
    assert.doesNotMatch(id.get(0).toString(), /^<0+>$/);
  });

  it('carries page labels from 1', () => {
    const labels = doc.catalog.lookup(PDFName.of('PageLabels'), PDFDict);
    assert.equal(labels.lookup(PDFName.of('Nums'), PDFArray).size(), 2);
  });

  it('two prints of the same handbook give identical bytes', async () => {
    const again = await build();
    assert.equal(Buffer.compare(Buffer.from(again.bytes), Buffer.from(bytes)), 0);
  });
});

describe('finished PDF: structure', () => {
  it('keeps its images as Figures (with alt: see the check), none wrapping another', () => {
    const elems = structElems(doc);
    const figures = elems.filter((e) => e.type === 'Figure');
    assert.ok(figures.length > 0, 'the sample has images');
    for (const f of figures) {
      const inner = elems.slice(elems.indexOf(f) + 1).find((e) => e.depth <= f.depth);
      const end = inner ? elems.indexOf(inner) : elems.length;
      const nested = elems.slice(elems.indexOf(f) + 1, end).some((e) => e.type === 'Figure');
      assert.ok(!nested, 'a Figure wraps another Figure');
    }
    assert.ok(
      elems.some((e) => e.type === 'TH'),
      'the sample has header cells',
    );
  });

  it('internal links say where they go', () => {
    const contents = annotations(doc)
      .map((a) => str(a.dict.lookup(PDFName.of('Contents'))) ?? '')
      .filter((c) => c.startsWith('Go to '));
    assert.ok(contents.includes(`Go to ${hb.chapters[0]!.title}`), contents.join(' | '));
  });
});

describe('finished PDF: navigation and page numbers', () => {
  it('bookmarks are the chapters and their sections, in order', () => {
    assert.deepEqual(outlineTitles(doc), expectedBookmarks(hb));
  });

  it('every contents entry prints the page its heading is on', () => {
    for (const e of readContents(pages, hb)) {
      assert.ok(e.printed !== undefined, `no contents line for ${e.title}`);
      assert.ok(e.headingPage !== undefined, `heading ${e.title} not found`);
      assert.equal(e.printed, e.headingPage, `${e.title}: contents says ${e.printed}`);
      assert.equal(pageOf[e.id], e.headingPage, `${e.id}: destination page`);
    }
  });

  it('prints "Page N of M" in the footer of every page after the cover', () => {
    const m = pages.length;
    pages.forEach((p, i) => {
      if (i === 0) return;
      assert.ok(
        p.lines.some((l) => l.includes(`Page ${i + 1} of ${m}`)),
        `page ${i + 1}: ${p.lines.slice(-2).join(' / ')}`,
      );
    });
  });
});
