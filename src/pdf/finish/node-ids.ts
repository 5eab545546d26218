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
  PDFString,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';

const NODE_ID = /^node(\d{8})$/;

type Slot = { get(): PDFObject; set(o: PDFObject): void };

/** Every string slot of the file that holds a node id; returns how many distinct ids it had. */
export function renumberNodeIds(doc: PDFDocument): number {
  const found: { slot: Slot; n: number }[] = [];
  const visit = (slot: Slot): void => {
    const o = slot.get();
    if (o instanceof PDFString || o instanceof PDFHexString) {
      const m = NODE_ID.exec(o.decodeText());
      if (m) found.push({ slot, n: Number(m[1]) });
    } else if (o instanceof PDFDict) {
      for (const [key, value] of o.entries())
        visit({ get: () => value, set: (v) => o.set(key, v) });
    } else if (o instanceof PDFArray) {
      for (let i = 0; i < o.size(); i++) visit({ get: () => o.get(i), set: (v) => o.set(i, v) });
    }
  };
  for (const [ref, object] of doc.context.enumerateIndirectObjects())
    visit({ get: () => object, set: (v) => doc.context.assign(ref, v) });
  const rank = new Map(
    [...new Set(found.map((f) => f.n))].sort((a, b) => a - b).map((n, i) => [n, i + 1]),
  );
  for (const f of found) f.slot.set(PDFString.of(`node${String(rank.get(f.n)).padStart(8, '0')}`));
  return rank.size;
}
