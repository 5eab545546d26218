/**
 * Independent readers for the PDF tests: the structure tree and annotations through pdf-lib's
 * object model, text and operator lists through pdf.js (its own content-stream parser, which
 * also inlines Form XObjects), so the checks do not reuse the code they check.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFObject,
} from 'pdf-lib';

export interface Elem {
  type: string;
  dict: PDFDict;
  depth: number;
}

export function str(o: PDFObject | undefined): string | undefined {
  if (o instanceof PDFName) return o.decodeText();
  if (o instanceof PDFString || o instanceof PDFHexString) return o.decodeText();
  return undefined;
}

export function resolve(doc: PDFDocument, o: PDFObject | undefined): PDFObject | undefined {
  return o instanceof PDFRef ? doc.context.lookup(o) : o;
}

/** Structure elements in document order (recursive: test trees are small). */
export function structElems(doc: PDFDocument): Elem[] {
  const root = resolve(doc, doc.catalog.get(PDFName.of('StructTreeRoot')));
  const out: Elem[] = [];
  const visit = (o: PDFObject | undefined, depth: number): void => {
    const v = resolve(doc, o);
    if (v instanceof PDFArray) {
      for (let i = 0; i < v.size(); i++) visit(v.get(i), depth);
      return;
    }
    if (!(v instanceof PDFDict)) return;
    const s = v.get(PDFName.of('S'));
    if (s instanceof PDFName) out.push({ type: s.decodeText(), dict: v, depth });
    if (s instanceof PDFName || v === root) visit(v.get(PDFName.of('K')), depth + 1);
  };
  visit(root, 0);
  return out;
}

/** Looks `key` up in a number tree (Nums, or Kids with Limits). */
export function numberTreeGet(doc: PDFDocument, tree: PDFDict, key: number): PDFObject | undefined {
  const nums = resolve(doc, tree.get(PDFName.of('Nums')));
  if (nums instanceof PDFArray) {
    for (let i = 0; i + 1 < nums.size(); i += 2) {
      const k = nums.get(i);
      if (k instanceof PDFNumber && k.asNumber() === key) return resolve(doc, nums.get(i + 1));
    }
  }
  const kids = resolve(doc, tree.get(PDFName.of('Kids')));
  if (kids instanceof PDFArray) {
    for (let i = 0; i < kids.size(); i++) {
      const kid = resolve(doc, kids.get(i));
      if (kid instanceof PDFDict) {
        const found = numberTreeGet(doc, kid, key);
        if (found) return found;
      }
    }
  }
  return undefined;
}

export function annotations(doc: PDFDocument): { page: number; dict: PDFDict }[] {
  const out: { page: number; dict: PDFDict }[] = [];
  doc.getPages().forEach((p, i) => {
    const annots = resolve(doc, p.node.get(PDFName.of('Annots')));
    if (!(annots instanceof PDFArray)) return;
    for (let j = 0; j < annots.size(); j++) {
      const a = resolve(doc, annots.get(j));
      if (a instanceof PDFDict) out.push({ page: i + 1, dict: a });
    }
  });
  return out;
}

export interface PdfJsPage {
  lines: string[];
  /** Text-showing or image-painting operations outside any marked-content sequence. */
  untagged: string[];
}

/** Text lines (items grouped by baseline) and untagged drawing, per page, via pdf.js. */
export async function readWithPdfJs(bytes: Uint8Array): Promise<PdfJsPage[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: Uint8Array.from(bytes),
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  const { OPS } = pdfjs;
  const open = new Set([OPS.beginMarkedContent, OPS.beginMarkedContentProps]);
  const drawing = new Map<number, string>([
    [OPS.showText, 'Tj'],
    [OPS.showSpacedText, 'TJ'],
    [OPS.nextLineShowText, "'"],
    [OPS.nextLineSetSpacingShowText, '"'],
    [OPS.paintImageXObject, 'image'],
    [OPS.paintInlineImageXObject, 'inline image'],
    [OPS.paintImageMaskXObject, 'image mask'],
  ]);
  const pages: PdfJsPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const ops = await page.getOperatorList();
    let depth = 0;
    const untagged: string[] = [];
    ops.fnArray.forEach((fn) => {
      if (open.has(fn)) depth++;
      else if (fn === OPS.endMarkedContent) depth--;
      else if (depth === 0 && drawing.has(fn)) untagged.push(drawing.get(fn)!);
    });
    const content = await page.getTextContent();
    const byY = new Map<number, { x: number; s: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round(item.transform[5]);
      const line = byY.get(y) ?? [];
      line.push({ x: item.transform[4], s: item.str });
      byY.set(y, line);
    }
    const lines = [...byY.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([, items]) =>
        items
          .sort((a, b) => a.x - b.x)
          .map((i) => i.s)
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    pages.push({ lines, untagged });
  }
  await doc.destroy();
  return pages;
}
