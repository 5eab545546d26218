/**
 * An independent PDF/UA-1 (and PDF/A identification) machine check: the conditions of the
 * PDF issue's "Measured by", read back from the bytes with pdf-lib's object model and pdf.js's
 * content parser. It imports nothing from src/, so it cannot share a mistake with the code it
 * checks. Each condition reports ok plus, when it fails, the first offenders.
 */
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';
import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFNumber,
  PDFRawStream,
  PDFStream,
} from 'pdf-lib';
import {
  annotations,
  listOf,
  numberTreeGet,
  outlineTitles,
  readWithPdfJs,
  resolve,
  str,
  structElems,
  structRoot,
  type Elem,
  type PdfJsPage,
} from './inspect.js';
import { labelChecks } from './label-check.js';
import { unicodeChecks } from './unicode-check.js';

export interface CheckResult {
  condition: string;
  ok: boolean;
  detail?: string;
}

/** The standard structure types of PDF 1.7 (ISO 32000-1 §14.8.4), on which PDF/UA-1 rests. */
export const PDF17_TYPES = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 ' +
    'H4 H5 H6 L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry ' +
    'Code Link Annot Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);

/** Template and editorial residue that must never reach paper. */
export const RESIDUE = ['{%', '{{', '{#', '[GAP]', '[UPLIFT]', '<!--'];

const A4: [number, number] = [595.28, 841.89];
const name = (s: string): PDFName => PDFName.of(s);

function result(condition: string, problems: string[], extra?: string): CheckResult {
  if (problems.length === 0) return { condition, ok: true, ...(extra ? { detail: extra } : {}) };
  const shown = problems.slice(0, 5).join('; ');
  const more = problems.length > 5 ? ` (+${problems.length - 5} more)` : '';
  return { condition, ok: false, detail: shown + more };
}

/** A structure type after following the RoleMap (cycles stop). */
function roleMapper(doc: PDFDocument): (type: string) => string {
  const map = structRoot(doc)?.lookup(name('RoleMap'));
  return (type) => {
    let t = type;
    const seen = new Set<string>();
    while (!PDF17_TYPES.has(t) && map instanceof PDFDict && !seen.has(t)) {
      seen.add(t);
      const next = str(map.get(name(t)));
      if (!next) break;
      t = next;
    }
    return t;
  };
}

function xmpOf(doc: PDFDocument): string | undefined {
  const meta = doc.catalog.lookup(name('Metadata'));
  if (!(meta instanceof PDFRawStream)) return undefined;
  if (meta.dict.get(name('Filter'))) return undefined; // PDF/A: XMP must be readable as is
  return new TextDecoder().decode(meta.contents);
}

/** An XMP property given as element (`<p:x>v</p:x>`) or attribute (`p:x="v"`). */
function xmpValue(xmp: string, prop: string): string | undefined {
  const el = new RegExp(`<${prop}>\\s*([^<]*?)\\s*</${prop}>`).exec(xmp);
  const attr = new RegExp(`\\s${prop}="([^"]*)"`).exec(xmp);
  return el?.[1] ?? attr?.[1];
}

function catalogChecks(doc: PDFDocument): CheckResult[] {
  const cat = doc.catalog;
  const markInfo = cat.lookup(name('MarkInfo'));
  const marked = markInfo instanceof PDFDict && markInfo.get(name('Marked')) === PDFBool.True;
  const lang = str(cat.lookup(name('Lang')))?.trim();
  const vp = cat.lookup(name('ViewerPreferences'));
  const ddt = vp instanceof PDFDict && vp.get(name('DisplayDocTitle')) === PDFBool.True;
  const xmp = xmpOf(doc) ?? '';
  const title = /<dc:title>\s*<rdf:Alt>\s*<rdf:li[^>]*>([^<]+)<\/rdf:li>/.exec(xmp)?.[1]?.trim();
  const aPart = xmpValue(xmp, 'pdfaid:part');
  const aConf = xmpValue(xmp, 'pdfaid:conformance');
  const id = doc.context.trailerInfo.ID;
  const idOk =
    id instanceof PDFArray &&
    id.size() === 2 &&
    [0, 1].every((i) => /^<[0-9A-Fa-f]{2,}>$|^\(.+\)$/s.test(id.get(i).toString()));
  return [
    result('tagged: MarkInfo /Marked true', marked ? [] : ['MarkInfo /Marked is not true']),
    result('StructTreeRoot', structRoot(doc) ? [] : ['no StructTreeRoot']),
    result('/Lang', lang ? [] : ['catalog has no /Lang']),
    result('DisplayDocTitle', ddt ? [] : ['ViewerPreferences /DisplayDocTitle is not true']),
    result('XMP dc:title', title ? [] : ['no uncompressed XMP with a dc:title']),
    result(
      'XMP pdfuaid:part=1',
      xmpValue(xmp, 'pdfuaid:part') === '1' ? [] : ['no pdfuaid:part 1'],
    ),
    result(
      'PDF/A identification (pdfaid part + conformance)',
      aPart && /^[1-4]$/.test(aPart) && aConf && /^[ABU]$/.test(aConf)
        ? []
        : [`pdfaid:part ${aPart}, conformance ${aConf}`],
    ),
    result('OutputIntent with an ICC DestOutputProfile', outputIntentProblems(doc)),
    result('trailer /ID', idOk ? [] : ['no trailer /ID of two strings']),
  ];
}

function outputIntentProblems(doc: PDFDocument): string[] {
  const intents = listOf(doc, doc.catalog.get(name('OutputIntents')));
  if (intents.length === 0) return ['no /OutputIntents'];
  const ok = intents.some((i) => {
    if (!(i instanceof PDFDict) || !str(i.get(name('S')))?.startsWith('GTS_PDFA')) return false;
    const icc = resolve(doc, i.get(name('DestOutputProfile')));
    if (!(icc instanceof PDFStream)) return false;
    const bytes = icc instanceof PDFRawStream ? decode(icc) : icc.getContents();
    return new TextDecoder().decode(bytes.subarray(36, 40)) === 'acsp';
  });
  return ok ? [] : ['no GTS_PDFA OutputIntent with an ICC profile stream'];
}

function decode(s: PDFRawStream): Uint8Array {
  const filter = str(s.dict.get(name('Filter')));
  if (!filter) return s.contents;
  if (filter !== 'FlateDecode') return new Uint8Array();
  return new Uint8Array(inflateSync(s.contents));
}

/** Every font object in the file (including the ones only a form XObject uses). */
function fontChecks(doc: PDFDocument): CheckResult[] {
  const notEmbedded: string[] = [];
  const noToUnicode: string[] = [];
  let fonts = 0;
  const embedded = (font: PDFDict): boolean => {
    const fd = font.lookup(name('FontDescriptor'));
    return (
      fd instanceof PDFDict &&
      ['FontFile', 'FontFile2', 'FontFile3'].some(
        (k) => resolve(doc, fd.get(name(k))) instanceof PDFStream,
      )
    );
  };
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || str(obj.get(name('Type'))) !== 'Font') continue;
    const subtype = str(obj.get(name('Subtype'))) ?? '';
    if (subtype.startsWith('CIDFontType')) continue; // checked through its Type0 parent
    fonts++;
    const label = `${str(obj.get(name('BaseFont'))) ?? subtype} (${ref.toString()})`;
    if (!obj.get(name('ToUnicode'))) noToUnicode.push(label);
    if (subtype === 'Type3') continue; // glyphs are content streams: nothing to embed
    const holders =
      subtype === 'Type0'
        ? listOf(doc, obj.get(name('DescendantFonts'))).filter(
            (d): d is PDFDict => d instanceof PDFDict,
          )
        : [obj];
    if (holders.length === 0 || !holders.every(embedded)) notEmbedded.push(label);
  }
  const none = fonts === 0 ? ['no fonts at all'] : [];
  return [
    result('every font embedded (FontFile*)', [...none, ...notEmbedded], `${fonts} fonts`),
    result('every font has a ToUnicode map', [...none, ...noToUnicode]),
  ];
}

function headingProblems(elems: Elem[], role: (t: string) => string): string[] {
  const levels = elems
    .map((e) => /^H([1-6])$/.exec(role(e.type))?.[1])
    .filter((l): l is string => l !== undefined)
    .map(Number);
  if (levels.length === 0) return ['no H1…H6 headings'];
  const problems = levels[0] === 1 ? [] : [`first heading is H${levels[0]}`];
  levels.forEach((l, i) => {
    if (i > 0 && l > levels[i - 1]! + 1)
      problems.push(`H${levels[i - 1]} then H${l} (heading ${i + 1})`);
  });
  return problems;
}

function text(doc: PDFDocument, d: PDFDict, key: string): string | undefined {
  return str(resolve(doc, d.get(name(key))))?.trim() || undefined;
}

/** `LI 3 of 40`-style labels of the elements that fail `bad`. */
function offenders(list: Elem[], bad: (e: Elem) => boolean, label: string): string[] {
  return list.flatMap((e, i) => (bad(e) ? [`${label} ${i + 1} of ${list.length}`] : []));
}

function structureChecks(doc: PDFDocument): CheckResult[] {
  const elems = structElems(doc);
  const role = roleMapper(doc);
  const nonStandard = [...new Set(elems.map((e) => e.type))].filter(
    (t) => !PDF17_TYPES.has(role(t)),
  );
  const figures = elems.filter((e) => role(e.type) === 'Figure');
  const noAlt = offenders(
    figures,
    (f) => !text(doc, f.dict, 'Alt') && !text(doc, f.dict, 'ActualText'),
    'Figure',
  );
  const ths = elems.filter((e) => role(e.type) === 'TH');
  const noScope = offenders(
    ths,
    (th) =>
      !listOf(doc, th.dict.get(name('A'))).some(
        (a) => a instanceof PDFDict && /^(Row|Column|Both)$/.test(str(a.get(name('Scope'))) ?? ''),
      ),
    'TH',
  );
  const items = elems.filter((e) => role(e.type) === 'LI');
  const looseItems = offenders(
    items,
    (li) =>
      listOf(doc, li.dict.get(name('K'))).some((k) => {
        const t = k instanceof PDFDict ? str(k.get(name('S'))) : undefined;
        return !t || !['Lbl', 'LBody'].includes(role(t));
      }),
    'LI',
  );
  const linkInLink: string[] = [];
  const path: string[] = [];
  elems.forEach((e, i) => {
    path.length = e.depth;
    if (role(e.type) === 'Link' && path.includes('Link')) linkInLink.push(`element ${i + 1}`);
    path[e.depth] = role(e.type);
  });
  return [
    result(
      'every structure type standard or RoleMapped to one',
      nonStandard.map((t) => `${t} → ${role(t)}`),
    ),
    result('headings H1…H6 start at H1 and skip no level', headingProblems(elems, role)),
    result('every Figure has /Alt or /ActualText', noAlt, `${figures.length} figures`),
    result('every TH has a /Scope', noScope, `${ths.length} TH`),
    result('no Link nested inside a Link', linkInLink),
    result('every LI holds only Lbl and LBody', looseItems, `${items.length} LI`),
    ...annotationChecks(doc, role),
  ];
}

function annotationChecks(doc: PDFDocument, role: (t: string) => string): CheckResult[] {
  const parentTree = structRoot(doc)?.lookup(name('ParentTree'));
  const problems: string[] = [];
  const all = annotations(doc);
  const links = all.filter((a) => str(a.dict.get(name('Subtype'))) === 'Link');
  for (const { dict, page, ref } of links) {
    const where = `link on page ${page}${ref ? ` (${ref.toString()})` : ''}`;
    if (!text(doc, dict, 'Contents')) problems.push(`${where} without /Contents`);
    const sp = dict.get(name('StructParent'));
    if (!(sp instanceof PDFNumber)) {
      problems.push(`${where} without /StructParent`);
      continue;
    }
    const elem =
      parentTree instanceof PDFDict ? numberTreeGet(doc, parentTree, sp.asNumber()) : undefined;
    const type = elem instanceof PDFDict ? str(elem.get(name('S'))) : undefined;
    if (!(elem instanceof PDFDict) || !type || role(type) !== 'Link') {
      problems.push(`${where}: ParentTree ${sp.asNumber()} is ${type ?? 'nothing'}, not Link`);
      continue;
    }
    const objr = listOf(doc, elem.get(name('K'))).some(
      (k) => k instanceof PDFDict && ref !== undefined && k.get(name('Obj')) === ref,
    );
    if (ref && !objr) problems.push(`${where}: its Link element has no OBJR to it`);
  }
  const noTabs = doc
    .getPages()
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => listOf(doc, p.node.get(name('Annots'))).length > 0)
    .filter(({ p }) => str(p.node.get(name('Tabs'))) !== 'S')
    .map(({ i }) => `page ${i + 1}`);
  return [
    result(
      'every Link annotation has /Contents and a /StructParent to a Link element',
      links.length === 0 ? [] : problems,
      `${links.length} links`,
    ),
    result('/Tabs /S on every page with annotations', noTabs),
  ];
}

function pageChecks(doc: PDFDocument, pages: PdfJsPage[]): CheckResult[] {
  const untagged = pages.flatMap((p, i) =>
    p.untagged.length > 0
      ? [`page ${i + 1}: ${p.untagged.length} (${[...new Set(p.untagged)].join(' ')})`]
      : [],
  );
  const residue = pages.flatMap((p, i) =>
    RESIDUE.filter((r) => p.lines.some((l) => l.includes(r))).map((r) => `page ${i + 1}: ${r}`),
  );
  const notA4 = doc.getPages().flatMap((p, i) => {
    const { width, height } = p.getMediaBox();
    const off = Math.abs(width - A4[0]) > 1.5 || Math.abs(height - A4[1]) > 1.5;
    return off ? [`page ${i + 1}: ${width.toFixed(1)}×${height.toFixed(1)}`] : [];
  });
  const bookmarks = outlineTitles(doc);
  return [
    result('zero untagged content (drawing outside marked content)', untagged),
    result(
      'bookmarks (/Outlines with entries)',
      bookmarks.length > 0 ? [] : ['no bookmarks'],
      `${bookmarks.length} bookmarks`,
    ),
    result('no template or editorial residue in the text', residue),
    result('A4 pages', pages.length === 0 ? ['no pages'] : notA4, `${pages.length} pages`),
  ];
}

/**
 * Runs every condition. `pages` (from `readWithPdfJs`) may be passed when the caller has
 * already read the file with pdf.js, to save a second parse.
 */
export async function checkPdf(
  bytes: Uint8Array,
  opts: { pages?: PdfJsPage[] } = {},
): Promise<CheckResult[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = opts.pages ?? (await readWithPdfJs(bytes));
  return [
    ...catalogChecks(doc),
    ...fontChecks(doc),
    ...structureChecks(doc),
    ...pageChecks(doc, pages),
    ...labelChecks(doc, pages),
    ...unicodeChecks(doc),
  ];
}

/** The failures as one readable message (for assert). */
export function failures(results: CheckResult[]): string {
  return results
    .filter((r) => !r.ok)
    .map((r) => `✗ ${r.condition}: ${r.detail ?? ''}`)
    .join('\n');
}

/** One subtest per condition, so that a failure names the condition and its offenders. */
export async function conditionTests(t: TestContext, results: CheckResult[]): Promise<void> {
  assert.ok(results.length >= 23, `only ${results.length} conditions checked`);
  for (const r of results) {
    await t.test(r.condition, () => assert.ok(r.ok, `${r.condition}: ${r.detail ?? ''}`));
  }
}
