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
