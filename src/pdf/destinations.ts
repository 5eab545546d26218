/**
 * Where did each heading land? Chromium writes a named destination for every id that an
 * internal link targets (the contents links target every entry), either in the catalog's
 * `/Dests` dictionary or in a `/Names /Dests` name tree. This maps name → 1-based page.
 */
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRef,
  PDFString,
  PDFHexString,
  ParseSpeeds,
  type PDFObject,
} from 'pdf-lib';

export type DestinationMap = Map<string, { page: number; ref: PDFRef; y: number | undefined }>;

/** The text of a name or string object (the forms a PDF gives names and titles in). */
export function pdfText(o: PDFObject | undefined): string | undefined {
  return o instanceof PDFName || o instanceof PDFString || o instanceof PDFHexString
    ? o.decodeText()
    : undefined;
}

/**
 * The id a destination name stands for. Chromium writes the URL fragment as it is in a URL:
 * percent-encoded UTF-8 (`caf%C3%A9-plan` for the id `café-plan`).
 */
export function destinationId(o: PDFObject | undefined): string | undefined {
  const raw = pdfText(o);
  if (raw === undefined || !raw.includes('%')) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** The explicit destination array of a named destination value (array or `<< /D [...] >>`). */
function destArray(doc: PDFDocument, value: PDFObject | undefined): PDFArray | undefined {
  const v = value instanceof PDFRef ? doc.context.lookup(value) : value;
  if (v instanceof PDFArray) return v;
  if (v instanceof PDFDict) return destArray(doc, v.get(PDFName.of('D')));
  return undefined;
}

function numberAt(arr: PDFArray, i: number): number | undefined {
  const n = arr.lookup(i);
  return n && 'asNumber' in n && typeof n.asNumber === 'function'
    ? (n.asNumber() as number)
    : undefined;
}

/** Walks a name tree (Kids / Names) iteratively, calling `visit` for every leaf pair. */
function walkNameTree(root: PDFDict, visit: (key: PDFObject, value: PDFObject) => void): void {
  const stack: PDFDict[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const names = node.lookup(PDFName.of('Names'));
    if (names instanceof PDFArray) {
      for (let i = 0; i + 1 < names.size(); i += 2) visit(names.get(i), names.get(i + 1));
    }
    const kids = node.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) {
      for (let i = kids.size() - 1; i >= 0; i--) {
        const kid = kids.lookup(i);
        if (kid instanceof PDFDict) stack.push(kid);
      }
    }
  }
}

export function readDestinations(doc: PDFDocument): DestinationMap {
  const pageIndex = new Map<string, number>();
  doc.getPages().forEach((p, i) => pageIndex.set(p.ref.toString(), i + 1));
  const out: DestinationMap = new Map();
  const add = (key: PDFObject, value: PDFObject): void => {
    const name = destinationId(key);
    const arr = destArray(doc, value);
    const ref = arr?.get(0);
    if (name === undefined || !arr || !(ref instanceof PDFRef)) return;
    const page = pageIndex.get(ref.toString());
    if (page !== undefined) out.set(name, { page, ref, y: numberAt(arr, 3) });
  };
  const catalog = doc.catalog;
  const dests = catalog.lookup(PDFName.of('Dests'));
  if (dests instanceof PDFDict) for (const [k, v] of dests.entries()) add(k, v);
  const names = catalog.lookup(PDFName.of('Names'));
  const tree = names instanceof PDFDict ? names.lookup(PDFName.of('Dests')) : undefined;
  if (tree instanceof PDFDict) walkNameTree(tree, add);
  return out;
}

/** id → 1-based page number, for the ids that have a destination. */
export async function pageNumbersOf(
  bytes: Uint8Array,
): Promise<{ pageOf: Record<string, number>; pageCount: number; document: PDFDocument }> {
  const doc = await PDFDocument.load(bytes, {
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  const pageOf: Record<string, number> = {};
  for (const [name, d] of readDestinations(doc)) pageOf[name] = d.page;
  // The parsed file goes on to finishing, which would otherwise parse the same bytes again.
  return { pageOf, pageCount: doc.getPageCount(), document: doc };
}
