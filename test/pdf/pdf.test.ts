/**
 * Prints the sample handbook with the real HTML renderer and real Chromium, finishes it, and
 * reopens the file to check it against the PDF/UA-1 and PDF/A conditions of the issue.
 * One browser, one print; every test below reads the same finished file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
} from 'pdf-lib';
import type { Handbook, OutlineEntry } from '../../src/model.js';
import { BrowserSession, finishPdf, openSession, printHandbook } from '../../src/pdf/index.js';
import { STANDARD_TYPES } from '../../src/pdf/finish/structure.js';
import { SAMPLE_ASSETS_ROOT, sampleHandbook } from '../html/sample-handbook.js';
import {
  annotations,
  numberTreeGet,
  readWithPdfJs,
  resolve,
  str,
  structElems,
  type PdfJsPage,
} from './inspect.js';

const OPTS = { date: '2024-03-01', producer: 'handbook-press test' };

let session: BrowserSession;
let hb: Handbook;
let bytes: Uint8Array;
let doc: PDFDocument;
let pages: PdfJsPage[];
let pageOf: Record<string, number>;

async function build(): Promise<{ bytes: Uint8Array; pageOf: Record<string, number> }> {
  const printed = await printHandbook(hb, session, { assetsRoot: SAMPLE_ASSETS_ROOT });
  const finished = await finishPdf(printed, hb, OPTS);
  return { bytes: finished.bytes, pageOf: printed.pageOf };
}

before(async () => {
  session = await openSession();
  hb = sampleHandbook();
  ({ bytes, pageOf } = await build());
  doc = await PDFDocument.load(bytes, { updateMetadata: false });
  pages = await readWithPdfJs(bytes);
});

after(async () => {
  await session?.close();
});

describe('finished PDF: document level', () => {
  it('is tagged: MarkInfo Marked, a StructTreeRoot, /Lang, DisplayDocTitle', () => {
    const markInfo = doc.catalog.lookup(PDFName.of('MarkInfo'), PDFDict);
    assert.equal(markInfo.get(PDFName.of('Marked'))?.toString(), 'true');
    assert.ok(doc.catalog.lookup(PDFName.of('StructTreeRoot')) instanceof PDFDict);
    assert.equal(str(doc.catalog.lookup(PDFName.of('Lang'))), hb.meta.language);
    const vp = doc.catalog.lookup(PDFName.of('ViewerPreferences'), PDFDict);
    assert.equal(vp.get(PDFName.of('DisplayDocTitle'))?.toString(), 'true');
  });

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
    assert.match(xmp, /<pdfaid:conformance>B<\/pdfaid:conformance>/);
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

  it('pages are A4 and carry page labels from 1', () => {
    for (const p of doc.getPages()) {
      const { width, height } = p.getMediaBox();
      assert.ok(
        Math.abs(width - 595.28) <= 1 && Math.abs(height - 841.89) <= 1,
        `${width}×${height}`,
      );
    }
    const labels = doc.catalog.lookup(PDFName.of('PageLabels'), PDFDict);
    assert.equal(labels.lookup(PDFName.of('Nums'), PDFArray).size(), 2);
  });

  it('two prints of the same handbook give identical bytes', async () => {
    const again = await build();
    assert.equal(Buffer.compare(Buffer.from(again.bytes), Buffer.from(bytes)), 0);
  });
});

describe('finished PDF: structure', () => {
  it('maps every non-standard structure type to a standard one', () => {
    const root = doc.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict);
    const roleMap = root.lookup(PDFName.of('RoleMap'));
    const types = new Set(structElems(doc).map((e) => e.type));
    for (const t of types) {
      if (STANDARD_TYPES.has(t)) continue;
      assert.ok(roleMap instanceof PDFDict, `RoleMap needed for ${t}`);
      const target = str(roleMap.get(PDFName.of(t)));
      assert.ok(target && STANDARD_TYPES.has(target), `${t} → ${target}`);
    }
  });

  it('headings start at H1 and never skip a level', () => {
    const levels = structElems(doc)
      .map((e) => /^H([1-6])$/.exec(e.type)?.[1])
      .filter((l): l is string => l !== undefined)
      .map(Number);
    assert.ok(levels.length >= hb.chapters.length);
    assert.equal(levels[0], 1);
    levels.forEach(
      (l, i) => i > 0 && assert.ok(l <= levels[i - 1]! + 1, `H${levels[i - 1]} then H${l}`),
    );
  });

  it('every Figure has alt text, no Figure wraps another, every TH has a Scope', () => {
    const elems = structElems(doc);
    const figures = elems.filter((e) => e.type === 'Figure');
    assert.ok(figures.length > 0, 'the sample has images');
    for (const f of figures)
      assert.ok(str(f.dict.lookup(PDFName.of('Alt')))?.trim(), 'Figure without /Alt');
    const ths = elems.filter((e) => e.type === 'TH');
    assert.ok(ths.length > 0, 'the sample has header cells');
    for (const th of ths) {
      const a = th.dict.lookup(PDFName.of('A'));
      const list = a instanceof PDFArray ? a.asArray().map((x) => resolve(doc, x)) : [a];
      assert.ok(list.some((x) => x instanceof PDFDict && str(x.get(PDFName.of('Scope')))));
    }
  });

  it('every link annotation has /Contents and a /StructParent that leads to a Link element', () => {
    const links = annotations(doc).filter((a) => str(a.dict.get(PDFName.of('Subtype'))) === 'Link');
    assert.ok(links.length > 5);
    const parentTree = doc.catalog
      .lookup(PDFName.of('StructTreeRoot'), PDFDict)
      .lookup(PDFName.of('ParentTree'), PDFDict);
    for (const { dict, page } of links) {
      assert.ok(
        str(dict.lookup(PDFName.of('Contents')))?.trim(),
        `link on page ${page} without /Contents`,
      );
      const sp = dict.get(PDFName.of('StructParent'));
      assert.ok(sp instanceof PDFNumber, `link on page ${page} without /StructParent`);
      const elem = numberTreeGet(doc, parentTree, sp.asNumber());
      assert.ok(elem instanceof PDFDict && str(elem.get(PDFName.of('S'))) === 'Link');
    }
  });

  it('internal links say where they go', () => {
    const contents = annotations(doc)
      .map((a) => str(a.dict.lookup(PDFName.of('Contents'))) ?? '')
      .filter((c) => c.startsWith('Go to '));
    assert.ok(contents.includes(`Go to ${hb.chapters[0]!.title}`), contents.join(' | '));
  });

  it('pages with annotations have /Tabs /S', () => {
    for (const p of doc.getPages()) {
      if (!p.node.lookup(PDFName.of('Annots'))) continue;
      assert.equal(str(p.node.get(PDFName.of('Tabs'))), 'S');
    }
  });

  it('no text or image is drawn outside marked content (pdf.js operator lists, forms included)', () => {
    pages.forEach((p, i) => assert.deepEqual(p.untagged, [], `page ${i + 1}`));
  });

  it('every font is embedded and has a ToUnicode map', () => {
    let fonts = 0;
    for (const page of doc.getPages()) {
      const res = page.node.Resources();
      const dict = res?.lookup(PDFName.of('Font'));
      if (!(dict instanceof PDFDict)) continue;
      for (const [name, ref] of dict.entries()) {
        const font = resolve(doc, ref) as PDFDict;
        fonts++;
        assert.ok(font.get(PDFName.of('ToUnicode')), `${name.toString()} without ToUnicode`);
        const desc = font.lookup(PDFName.of('DescendantFonts'));
        const holder = desc instanceof PDFArray ? (desc.lookup(0) as PDFDict) : font;
        const fd = holder.lookup(PDFName.of('FontDescriptor'), PDFDict);
        assert.ok(
          ['FontFile', 'FontFile2', 'FontFile3'].some(
            (k) => fd.get(PDFName.of(k)) instanceof PDFRef,
          ),
          `${name.toString()} not embedded`,
        );
      }
    }
    assert.ok(fonts > 0);
  });
});

function outlineTitles(): string[] {
  const titles: string[] = [];
  const walk = (first: PDFDict | undefined, depth: number): void => {
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      titles.push(`${depth}:${str(item.lookup(PDFName.of('Title')))}`);
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  walk(
    doc.catalog.lookup(PDFName.of('Outlines'), PDFDict).lookupMaybe(PDFName.of('First'), PDFDict),
    1,
  );
  return titles;
}

describe('finished PDF: navigation and page numbers', () => {
  it('bookmarks are the chapters and their sections, in order', () => {
    const expected: string[] = [];
    const walk = (entries: OutlineEntry[], depth: number): void => {
      for (const e of entries) {
        expected.push(`${depth}:${e.title}`);
        walk(e.children, depth + 1);
      }
    };
    for (const c of [...hb.chapters, ...hb.appendices]) {
      expected.push(`1:${c.label ? `${c.label}: ${c.title}` : c.title}`);
      walk(c.outline, 2);
    }
    assert.deepEqual(outlineTitles(), expected);
  });

  it('every contents entry prints the page its heading is on', () => {
    // Chapters and their sections in reading order: each heading is searched from the page
    // of the one before, so a step title repeated earlier (a timeline) does not match.
    const entries: { id: string; title: string }[] = [];
    const walk = (list: OutlineEntry[]): void =>
      list.forEach((e) => {
        entries.push(e);
        walk(e.children);
      });
    for (const c of [...hb.chapters, ...hb.appendices]) {
      entries.push({ id: c.id, title: c.label ? `${c.label}: ${c.title}` : c.title });
      walk(c.outline);
    }
    const contentsPage = pages.findIndex((p) => p.lines.includes('Contents'));
    assert.ok(contentsPage >= 0, 'a page titled Contents');
    const isHeading = (lines: string[], title: string): boolean =>
      lines.some((l, i) => l === title || `${l} ${lines[i + 1] ?? ''}` === title);
    let from = contentsPage + 1;
    for (const e of entries) {
      const line = pages[contentsPage]!.lines.find(
        (l) => l.startsWith(e.title) && /\s\d+$/.test(l),
      );
      assert.ok(line, `contents line for ${e.title}`);
      const printed = Number(/(\d+)$/.exec(line)![1]);
      const index = pages.findIndex((p, i) => i >= from && isHeading(p.lines, e.title));
      assert.ok(index >= 0, `heading ${e.title} not found`);
      assert.equal(
        printed,
        index + 1,
        `${e.title}: contents says ${printed}, heading is on ${index + 1}`,
      );
      assert.equal(pageOf[e.id], index + 1, `${e.id}: destination page`);
      from = index;
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
