/**
 * Page furniture as artifacts. Chromium draws the CSS margin boxes (running head, footer)
 * outside any marked content: neither tagged nor marked as artifact, which PDF/UA forbids.
 * Every maximal run of drawing operations outside marked content is wrapped in
 * `/Artifact <</Type /Pagination>> BDC … EMC`. Runs are cut at q/Q so that the marked
 * content and the graphics-state stack stay properly nested.
 *
 * Speed: this touches every byte of every page (Chromium's streams reach 20 MB decoded for a
 * 50-page handbook), so it scans once, hearing only of the few operators that matter here
 * (content-tokens.ts skips the others in native code), and inflates and deflates with
 * node:zlib (native) rather than pdf-lib's JavaScript zlib, which was 10× slower. node:zlib
 * output is deterministic for a given Node build, like the rest of the file.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFName,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
  type PDFDocument,
  type PDFPage,
} from 'pdf-lib';
import { PATH_START, operatorScanner } from './content-tokens.js';

const OPEN = new TextEncoder().encode('/Artifact <</Type /Pagination>> BDC\n');
const CLOSE = new TextEncoder().encode('\nEMC\n');

/** What an operator means here, as bit flags: one map lookup per operation. */
const DRAWS = 1; // starts something visible: a text object, a path, an XObject, a shading, an inline image
const ENDS_RUN = 2; // an open artifact must end before it, to keep nesting proper
const OPENS = 4; // BDC, BMC
const CLOSES = 8; // EMC
const TEXT_BEGIN = 16;
const TEXT_END = 32;
const KIND = new Map<string, number>([
  ['BT', DRAWS | TEXT_BEGIN],
  ['ET', TEXT_END],
  ['Do', DRAWS],
  ['sh', DRAWS],
  ['BI', DRAWS],
  ...[...PATH_START].map((op): [string, number] => [op, DRAWS]),
  ['BDC', ENDS_RUN | OPENS],
  ['BMC', ENDS_RUN | OPENS],
  ['EMC', CLOSES],
  ['q', ENDS_RUN],
  ['Q', ENDS_RUN],
]);

/**
 * Only the operators above matter, and those that only draw (not BT, which also starts a text
 * object) only outside marked content and open runs: the scanner skips all others without
 * calling back, which is most of a page.
 */
const ONLY_DRAW = [...KIND].filter(([, k]) => k === DRAWS).map(([op]) => op);
const scan = operatorScanner(
  [...KIND.keys()].filter((op) => !ONLY_DRAW.includes(op)),
  ONLY_DRAW,
);

/** Where to insert: byte offsets with the bytes to insert there, in order. */
export function artifactInsertions(buf: Uint8Array): { at: number; bytes: Uint8Array }[] {
  const out: { at: number; bytes: Uint8Array }[] = [];
  let depth = 0;
  let open = false;
  let inText = false;
  const lastEnd = scan(buf, (op, start, _end, prevEnd) => {
    const kind = KIND.get(op)!;
    // Inside a text object a run cannot be cut (the EMC would split BT … ET).
    if (open && !inText && kind & ENDS_RUN) {
      out.push({ at: prevEnd, bytes: CLOSE });
      open = false;
    }
    if (!open && depth === 0 && kind & DRAWS) {
      out.push({ at: start, bytes: OPEN });
      open = true;
    }
    if (kind & OPENS) depth++;
    else if (kind & CLOSES) depth = Math.max(0, depth - 1);
    if (kind & TEXT_BEGIN) inText = true;
    else if (kind & TEXT_END) inText = false;
    return !open && depth === 0;
  });
  if (open) out.push({ at: lastEnd, bytes: CLOSE });
  return out;
}

export function wrapArtifacts(buf: Uint8Array): Uint8Array | undefined {
  const inserts = artifactInsertions(buf);
  if (inserts.length === 0) return undefined;
  const size = buf.length + inserts.reduce((n, x) => n + x.bytes.length, 0);
  const out = new Uint8Array(size);
  let from = 0;
  let to = 0;
  for (const ins of inserts) {
    out.set(buf.subarray(from, ins.at), to);
    to += ins.at - from;
    out.set(ins.bytes, to);
    to += ins.bytes.length;
    from = ins.at;
  }
  out.set(buf.subarray(from), to);
  return out;
}

const NEWLINE = new Uint8Array([0x0a]);

/** Flate (what Chromium writes) natively; any other filter chain through pdf-lib. */
function decodeStream(s: PDFRawStream): Uint8Array {
  const filter = s.dict.get(PDFName.of('Filter'));
  const plainFlate =
    (filter === PDFName.of('FlateDecode') ||
      (filter instanceof PDFArray &&
        filter.size() === 1 &&
        filter.get(0) === PDFName.of('FlateDecode'))) &&
    !s.dict.has(PDFName.of('DecodeParms'));
  // Chromium's pages inflate to some 50 KB: one 64 KB output chunk rather than four of 16 KB.
  if (plainFlate) return inflateSync(s.contents, { chunkSize: 64 * 1024 });
  return decodePDFRawStream(s).decode();
}

/** The page's content as one decoded buffer (a /Contents array is concatenated with newlines). */
export function pageContent(
  doc: PDFDocument,
  page: PDFPage,
): { bytes: Uint8Array; refs: PDFRef[] } | undefined {
  const contents = page.node.get(PDFName.of('Contents'));
  const refs: PDFRef[] = [];
  if (contents instanceof PDFRef) refs.push(contents);
  else if (contents instanceof PDFArray) {
    for (let i = 0; i < contents.size(); i++) {
      const r = contents.get(i);
      if (r instanceof PDFRef) refs.push(r);
    }
  }
  const parts: Uint8Array[] = [];
  for (const r of refs) {
    const s = doc.context.lookup(r);
    if (!(s instanceof PDFRawStream)) return undefined;
    parts.push(decodeStream(s), NEWLINE);
  }
  if (parts.length === 0) return undefined;
  if (parts.length === 2) return { bytes: parts[0]!, refs };
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return { bytes, refs };
}

/** Rewrites every page's content stream in place (same object number) with artifacts wrapped. */
export function markArtifacts(doc: PDFDocument): number {
  let changed = 0;
  for (const page of doc.getPages()) {
    const content = pageContent(doc, page);
    if (!content) continue;
    const wrapped = wrapArtifacts(content.bytes);
    if (!wrapped) continue;
    const [first] = content.refs;
    const dict = doc.context.obj({ Filter: 'FlateDecode' });
    doc.context.assign(first!, PDFRawStream.of(dict, deflateSync(wrapped)));
    if (content.refs.length > 1) page.node.set(PDFName.of('Contents'), first!);
    changed++;
  }
  return changed;
}
