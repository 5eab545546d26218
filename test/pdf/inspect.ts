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

/** The items of an array, or the object itself as a one-item list (PDF's "X or array of X"). */
export function listOf(doc: PDFDocument, o: PDFObject | undefined): PDFObject[] {
  const v = resolve(doc, o);
  if (v === undefined) return [];
  if (v instanceof PDFArray) return v.asArray().map((x) => resolve(doc, x)!);
  return [v];
}

export function structRoot(doc: PDFDocument): PDFDict | undefined {
  const root = resolve(doc, doc.catalog.get(PDFName.of('StructTreeRoot')));
  return root instanceof PDFDict ? root : undefined;
}

/** Structure elements in document order (iterative: real trees are deep and large). */
export function structElems(doc: PDFDocument): Elem[] {
  const root = structRoot(doc);
  if (!root) return [];
  const out: Elem[] = [];
  const seen = new Set<PDFDict>();
  const stack: { o: PDFObject; depth: number }[] = [];
  const pushKids = (dict: PDFDict, depth: number): void => {
    const kids = listOf(doc, dict.get(PDFName.of('K')));
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ o: kids[i]!, depth });
  };
  pushKids(root, 1);
  while (stack.length > 0) {
    const { o, depth } = stack.pop()!;
    if (!(o instanceof PDFDict) || seen.has(o)) continue;
    seen.add(o);
    const s = o.get(PDFName.of('S'));
    if (!(s instanceof PDFName)) continue; // MCR or OBJR
    out.push({ type: s.decodeText(), dict: o, depth });
    pushKids(o, depth + 1);
  }
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

export function annotations(doc: PDFDocument): { page: number; dict: PDFDict; ref?: PDFRef }[] {
  const out: { page: number; dict: PDFDict; ref?: PDFRef }[] = [];
  doc.getPages().forEach((p, i) => {
    const annots = resolve(doc, p.node.get(PDFName.of('Annots')));
    if (!(annots instanceof PDFArray)) return;
    for (let j = 0; j < annots.size(); j++) {
      const raw = annots.get(j);
      const a = resolve(doc, raw);
      if (a instanceof PDFDict)
        out.push({ page: i + 1, dict: a, ...(raw instanceof PDFRef ? { ref: raw } : {}) });
    }
  });
  return out;
}

/** Bookmark titles as `depth:title`, depth first. */
export function outlineTitles(doc: PDFDocument): string[] {
  const titles: string[] = [];
  const seen = new Set<PDFDict>();
  const walk = (first: PDFDict | undefined, depth: number): void => {
    for (
      let item = first;
      item && !seen.has(item);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict)
    ) {
      seen.add(item);
      titles.push(`${depth}:${str(item.lookup(PDFName.of('Title')))}`);
      walk(item.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1);
    }
  };
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  walk(outlines?.lookupMaybe(PDFName.of('First'), PDFDict), 1);
  return titles;
}

export interface PdfJsPage {
  lines: string[];
  /** Font size of each line (its largest item), in points: tells headings from body text. */
  sizes: number[];
  /** Drawing (text, painted paths, images, shadings) outside any marked-content sequence. */
  untagged: string[];
  /** MediaBox width and height in points. */
  size: [number, number];
  /** Text per marked-content id of the page (MCID → text). */
  mcText: Map<number, string>;
  /** Text drawn inside /Artifact marked content, with its baseline height in points. */
  artifactText: { s: string; y: number }[];
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
    [OPS.fill, 'f'],
    [OPS.eoFill, 'f*'],
    [OPS.stroke, 'S'],
    [OPS.closeStroke, 's'],
    [OPS.fillStroke, 'B'],
    [OPS.eoFillStroke, 'B*'],
    [OPS.closeFillStroke, 'b'],
    [OPS.closeEOFillStroke, 'b*'],
    [OPS.shadingFill, 'sh'],
    [OPS.paintImageXObject, 'image'],
    [OPS.paintImageXObjectRepeat, 'image'],
    [OPS.paintInlineImageXObject, 'inline image'],
    [OPS.paintInlineImageXObjectGroup, 'inline image'],
    [OPS.paintImageMaskXObject, 'image mask'],
    [OPS.paintImageMaskXObjectGroup, 'image mask'],
    [OPS.paintImageMaskXObjectRepeat, 'image mask'],
    [OPS.paintSolidColorImageMask, 'image mask'],
  ]);
  const pages: PdfJsPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    // 'print' leaves out annotation appearances without the print flag; they are not page
    // content anyway, and the walk below skips every annotation's operators.
    const ops = await page.getOperatorList({ intent: 'print' });
    let depth = 0;
    let inAnnotation = 0;
    const untagged: string[] = [];
    ops.fnArray.forEach((fn) => {
      if (fn === OPS.beginAnnotation) inAnnotation++;
      else if (fn === OPS.endAnnotation) inAnnotation--;
      else if (inAnnotation > 0) return;
      else if (open.has(fn)) depth++;
      else if (fn === OPS.endMarkedContent) depth--;
      else if (depth <= 0 && drawing.has(fn)) untagged.push(drawing.get(fn)!);
    });
    const content = await page.getTextContent({ includeMarkedContent: true } as never);
    const mcText = new Map<number, string>();
    const artifactText: { s: string; y: number }[] = [];
    const marks: { mcid?: number; artifact: boolean }[] = [];
    for (const item of content.items as unknown as Record<string, unknown>[]) {
      if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
        const m = /_mc(\d+)$/.exec(String(item.id ?? ''));
        marks.push({ ...(m ? { mcid: Number(m[1]) } : {}), artifact: item.tag === 'Artifact' });
      } else if (item.type === 'endMarkedContent') marks.pop();
      else if (typeof item.str === 'string' && item.str.trim()) {
        const mcid = marks.findLast((o) => o.mcid !== undefined)?.mcid;
        if (mcid !== undefined) mcText.set(mcid, (mcText.get(mcid) ?? '') + item.str);
        const y = (item.transform as number[])[5]!;
        if (marks.some((o) => o.artifact)) artifactText.push({ s: item.str, y });
      }
    }
    const byY = new Map<number, { x: number; s: string; size: number }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const y = Math.round(item.transform[5]);
      const line = byY.get(y) ?? [];
      line.push({ x: item.transform[4], s: item.str, size: item.height });
      byY.set(y, line);
    }
    const sorted = [...byY.entries()].sort((a, b) => b[0] - a[0]).map(([, items]) => items);
    const lines = sorted.map((items) =>
      items
        .sort((a, b) => a.x - b.x)
        .map((i) => i.s)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    const sizes = sorted.map((items) => Math.max(...items.map((i) => i.size)));
    const [x0, y0, x1, y1] = page.view as [number, number, number, number];
    pages.push({ lines, sizes, untagged, size: [x1 - x0, y1 - y0], mcText, artifactText });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}
