/**
 * Where did each heading land? Chromium writes a named destination for every id that an
 * internal link targets (the contents links target every entry), either in the catalog's
 * `/Dests` dictionary or in a `/Names /Dests` name tree. This maps name → 1-based page.
 */
import type { PdfDocument } from './finish/pdf-document.js';
import { usePdf } from './finish/pdf-load.js';
import {
  PdfArray,
  PdfDict,
  PdfName,
  PdfRef,
  PdfString,
  type PdfValue,
} from './finish/pdf-objects.js';

export type DestinationMap = Map<string, { page: number; ref: PdfRef; y: number | undefined }>;

function decode(key: PdfValue | undefined): string | undefined {
  if (key instanceof PdfName || key instanceof PdfString) return key.text;
  return undefined;
}

/** The explicit destination array of a named destination value (array or `<< /D [...] >>`). */
function destArray(doc: PdfDocument, value: PdfValue | undefined): PdfArray | undefined {
  const v = doc.lookup(value);
  if (v instanceof PdfArray) return v;
  if (v instanceof PdfDict) return destArray(doc, v.get('D'));
  return undefined;
}

/** Walks a name tree (Kids / Names) iteratively, calling `visit` for every leaf pair. */
function walkNameTree(
  doc: PdfDocument,
  root: PdfDict,
  visit: (key: PdfValue | undefined, value: PdfValue | undefined) => void,
): void {
  const stack: PdfDict[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const names = doc.array(node.get('Names'));
    if (names) for (let i = 0; i + 1 < names.length; i += 2) visit(names.get(i), names.get(i + 1));
    const kids = doc.array(node.get('Kids'));
    if (kids) {
      for (let i = kids.length - 1; i >= 0; i--) {
        const kid = doc.dict(kids.get(i));
        if (kid) stack.push(kid);
      }
    }
  }
}

export function readDestinations(doc: PdfDocument): DestinationMap {
  const pageIndex = new Map<PdfRef, number>();
  doc.pages().forEach((p, i) => pageIndex.set(p.ref, i + 1));
  const out: DestinationMap = new Map();
  const add = (key: PdfValue | undefined, value: PdfValue | undefined): void => {
    const name = decode(key);
    const arr = destArray(doc, value);
    const ref = arr?.get(0);
    if (name === undefined || !arr || !(ref instanceof PdfRef)) return;
    const page = pageIndex.get(ref);
    const y = doc.lookup(arr.get(3));
    if (page !== undefined) out.set(name, { page, ref, y: typeof y === 'number' ? y : undefined });
  };
  const catalog = doc.catalog;
  const dests = doc.dict(catalog.get('Dests'));
  dests?.keys().forEach((k, i) => add(PdfName.fromBytes(k), dests.values()[i]));
  const tree = doc.dict(doc.dict(catalog.get('Names'))?.get('Dests'));
  if (tree) walkNameTree(doc, tree, add);
  return out;
}

/** id → 1-based page number, for the ids that have a destination. */
export async function pageNumbersOf(
  bytes: Uint8Array,
): Promise<{ pageOf: Record<string, number>; pageCount: number; document: PdfDocument }> {
  return usePdf(bytes, (doc) => {
    const pageOf: Record<string, number> = {};
    for (const [name, d] of readDestinations(doc)) pageOf[name] = d.page;
    // The file goes on to finishing, which would otherwise read the same bytes again.
    return { pageOf, pageCount: doc.pages().length, document: doc };
  });
}
