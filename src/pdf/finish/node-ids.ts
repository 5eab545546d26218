/**
 * Chromium names structure elements after Blink's DOM node ids (`/ID (node00000062)`, repeated
 * in the IDTree and in table cells' /Headers). Blink counts those per renderer process, so the
 * same HTML can come out with other numbers when another print shares the browser at the same
 * time (editions build two at a time, src/editions/build-all.ts): one off in every id was seen.
 * Renumbered here by rank, in the order Chromium gave (so the IDTree stays sorted), the strings
 * depend on the document alone.
 */
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFString,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';

const NODE_ID = /^node(\d{8})$/;

/** Where Chromium writes them: a structure element's /ID, its attributes' /Headers, the IDTree. */
const ID = PDFName.of('ID');
const A = PDFName.of('A');
const HEADERS = PDFName.of('Headers');
const NAMES = PDFName.of('Names');
const LIMITS = PDFName.of('Limits');

interface Found {
  n: number;
  put(s: PDFString): void;
}

/**
 * Every node id of the file (in every dictionary, also ones the fixes left unreferenced, since
 * they are written too) renumbered from 1; returns how many distinct ids there were. Only the
 * keys that can hold one are read: walking every value was 50–100 ms a PDF.
 */
export function renumberNodeIds(doc: PDFDocument): number {
  const found: Found[] = [];
  const inArray = (arr: PDFObject | undefined): void => {
    if (!(arr instanceof PDFArray)) return;
    for (let i = 0; i < arr.size(); i++) {
      const n = nodeNumber(arr.get(i));
      if (n !== undefined) found.push({ n, put: (v) => arr.set(i, v) });
    }
  };
  const inDict = (d: PDFDict): void => {
    const n = nodeNumber(d.get(ID));
    if (n !== undefined) found.push({ n, put: (v) => d.set(ID, v) });
    inArray(d.get(NAMES));
    inArray(d.get(LIMITS));
    inArray(d.get(HEADERS));
    const a = d.get(A);
    if (a instanceof PDFDict) inArray(a.get(HEADERS));
    else if (a instanceof PDFArray)
      for (let i = 0; i < a.size(); i++) {
        const attr = a.get(i);
        if (attr instanceof PDFDict) inArray(attr.get(HEADERS));
      }
  };
  for (const [, object] of doc.context.enumerateIndirectObjects())
    if (object instanceof PDFDict) inDict(object);
  const numbers = [...new Set(found.map((f) => f.n))].sort((a, b) => a - b);
  const rank = new Map(numbers.map((n, i) => [n, i + 1]));
  for (const f of found) f.put(PDFString.of(`node${String(rank.get(f.n)).padStart(8, '0')}`));
  return rank.size;
}

function nodeNumber(o: PDFObject | undefined): number | undefined {
  if (!(o instanceof PDFString || o instanceof PDFHexString)) return undefined;
  const m = NODE_ID.exec(o.decodeText());
  return m ? Number(m[1]) : undefined;
}
