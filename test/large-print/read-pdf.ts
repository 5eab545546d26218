/**
 * What a reader sees on each page of a PDF, read back independently of the toolchain: every
 * text span (pdf.js's content-stream parser) with its size in points and its box, and the
 * fonts the file embeds (pdf-lib's object model).
 */
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { str } from '../pdf/inspect.js';

export interface Span {
  page: number;
  text: string;
  /** Font size in points: the text matrix's vertical scale times the current transform. */
  size: number;
  /** Left and right edges and baseline, in points. */
  x: number;
  right: number;
  y: number;
}

export async function textSpans(bytes: Uint8Array): Promise<Span[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: Uint8Array.from(bytes),
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const spans: Span[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , c, d, e, f] = item.transform as number[];
      spans.push({
        page: n,
        text: item.str,
        size: Math.hypot(c!, d!),
        x: e!,
        right: e! + item.width,
        y: f!,
      });
    }
  }
  return spans;
}

/** BaseFont of every font dictionary in the file (subset prefixes removed). */
export async function fontNames(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const names = new Set<string>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || str(obj.get(PDFName.of('Type'))) !== 'Font') continue;
    const base = str(obj.get(PDFName.of('BaseFont')));
    if (base) names.add(base.replace(/^[A-Z]{6}\+/, ''));
  }
  return [...names].sort();
}

/**
 * Lines of body text, per page: spans grouped by baseline, with the right edge of the line's
 * last span. Justified text ends every full line at the same x; ragged text does not.
 */
export function lineEnds(
  spans: Span[],
  size: number,
): { page: number; right: number; text: string }[] {
  const lines = new Map<string, { page: number; right: number; text: string }>();
  for (const s of spans) {
    if (Math.abs(s.size - size) > 0.01) continue;
    const key = `${s.page}:${Math.round(s.y)}`;
    const line = lines.get(key) ?? { page: s.page, right: 0, text: '' };
    line.right = Math.max(line.right, s.right);
    line.text += s.text;
    lines.set(key, line);
  }
  return [...lines.values()];
}

export interface Box {
  page: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

type Matrix = [number, number, number, number, number, number];

const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];

/**
 * Where each image is painted, in page space: the unit square through the current transform,
 * followed through q/Q, cm and Form XObjects in pdf.js's operator list.
 */
export async function imageBoxes(bytes: Uint8Array): Promise<Box[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { OPS } = pdfjs;
  const doc = await pdfjs.getDocument({
    data: Uint8Array.from(bytes),
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const paints = new Set([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintImageXObjectRepeat,
  ]);
  const boxes: Box[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const ops = await (await doc.getPage(n)).getOperatorList({ intent: 'print' });
    let ctm: Matrix = [1, 0, 0, 1, 0, 0];
    const stack: Matrix[] = [];
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i] as unknown[];
      if (fn === OPS.save) stack.push(ctm);
      else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
      else if (fn === OPS.transform) ctm = times(args as Matrix, ctm);
      else if (fn === OPS.paintFormXObjectBegin) {
        stack.push(ctm);
        const m = args[0] as Matrix | null;
        if (m) ctm = times(m, ctm);
      } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
      else if (paints.has(fn)) {
        const xs = [0, 1].flatMap((u) => [0, 1].map((v) => u * ctm[0] + v * ctm[2] + ctm[4]));
        const ys = [0, 1].flatMap((u) => [0, 1].map((v) => u * ctm[1] + v * ctm[3] + ctm[5]));
        boxes.push({
          page: n,
          x0: Math.min(...xs),
          y0: Math.min(...ys),
          x1: Math.max(...xs),
          y1: Math.max(...ys),
        });
      }
    });
  }
  return boxes;
}

/** Does the span's glyph box (baseline to cap height) overlap the box? */
export function overlaps(s: Span, b: Box): boolean {
  if (s.page !== b.page) return false;
  const top = s.y + s.size * 0.7;
  return s.x < b.x1 - 0.5 && s.right > b.x0 + 0.5 && s.y < b.y1 - 0.5 && top > b.y0 + 0.5;
}
