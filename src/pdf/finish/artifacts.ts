/**
 * Page furniture as artifacts. Chromium draws the CSS margin boxes (running head, footer)
 * outside any marked content: neither tagged nor marked as artifact, which PDF/UA forbids.
 * Every maximal run of drawing operations outside marked content is wrapped in
 * `/Artifact <</Type /Pagination>> BDC … EMC`. Runs are cut at q/Q so that the marked
 * content and the graphics-state stack stay properly nested.
 */
import {
  PDFArray,
  PDFName,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
  type PDFDocument,
  type PDFPage,
} from 'pdf-lib';
import { PATH_START, parseOperations, type Operation } from './content-tokens.js';

const OPEN = new TextEncoder().encode('/Artifact <</Type /Pagination>> BDC\n');
const CLOSE = new TextEncoder().encode('\nEMC\n');

/** Operations that start something visible: a text object, a path, an XObject, a shading, an inline image. */
const STARTS_DRAWING = new Set(['BT', 'Do', 'sh', 'BI', ...PATH_START]);
/** Operations at which an open artifact must end, to keep nesting proper. */
const ENDS_RUN = new Set(['BDC', 'BMC', 'q', 'Q']);

/** Where to insert: byte offsets with the bytes to insert there, in order. */
export function artifactInsertions(ops: Operation[]): { at: number; bytes: Uint8Array }[] {
  const out: { at: number; bytes: Uint8Array }[] = [];
  let depth = 0;
  let open = false;
  let inText = false;
  let lastEnd = 0;
  for (const o of ops) {
    // Inside a text object a run cannot be cut (the EMC would split BT … ET).
    if (open && !inText && ENDS_RUN.has(o.op)) {
      out.push({ at: lastEnd, bytes: CLOSE });
      open = false;
    }
    if (!open && depth === 0 && STARTS_DRAWING.has(o.op)) {
      out.push({ at: o.start, bytes: OPEN });
      open = true;
    }
    if (o.op === 'BDC' || o.op === 'BMC') depth++;
    else if (o.op === 'EMC') depth = Math.max(0, depth - 1);
    else if (o.op === 'BT') inText = true;
    else if (o.op === 'ET') inText = false;
    lastEnd = o.end;
  }
  if (open) out.push({ at: lastEnd, bytes: CLOSE });
  return out;
}

export function wrapArtifacts(buf: Uint8Array): Uint8Array | undefined {
  const inserts = artifactInsertions(parseOperations(buf));
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
    parts.push(decodePDFRawStream(s).decode(), new Uint8Array([0x0a]));
  }
  if (parts.length === 0) return undefined;
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
    doc.context.assign(first!, doc.context.flateStream(wrapped));
    if (content.refs.length > 1) page.node.set(PDFName.of('Contents'), first!);
    changed++;
  }
  return changed;
}
