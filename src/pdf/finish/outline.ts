/**
 * Bookmarks from the handbook's own outline (chapters, appendices, their listed sections),
 * each pointing at the destination Chromium wrote for the heading's id. Chromium's own
 * outline would list every heading, including the cover, the contents and the headings
 * inside care cards, which the handbook deliberately leaves out.
 */
import type { Handbook, OutlineEntry } from '../../model.js';
import type { DestinationMap } from '../destinations.js';
import type { PdfDocument } from './pdf-document.js';
import { PdfArray, PdfDict, PdfName, PdfString, type PdfRef } from './pdf-objects.js';

export interface Bookmark {
  id: string;
  title: string;
  children: Bookmark[];
}

export function bookmarksOf(hb: Handbook): Bookmark[] {
  const conv = (e: OutlineEntry): Bookmark => ({
    id: e.id,
    title: e.title,
    children: e.children.map(conv),
  });
  return [...hb.chapters, ...hb.appendices].map((c) => ({
    id: c.id,
    title: c.label ? `${c.label}: ${c.title}` : c.title,
    children: c.outline.map(conv),
  }));
}

/** Drops entries whose heading has no destination in the PDF (their children move up). */
function placed(list: Bookmark[], dests: DestinationMap): Bookmark[] {
  return list.flatMap((b) => {
    const children = placed(b.children, dests);
    return dests.has(b.id) ? [{ ...b, children }] : children;
  });
}

function addLevel(
  doc: PdfDocument,
  parent: PdfRef,
  list: Bookmark[],
  dests: DestinationMap,
): { first?: PdfRef; last?: PdfRef } {
  const refs = list.map(() => doc.nextRef());
  list.forEach((b, i) => {
    const d = dests.get(b.id)!;
    const item = new PdfDict();
    item.set('Title', PdfString.fromText(b.title));
    item.set('Parent', parent);
    if (i > 0) item.set('Prev', refs[i - 1]!);
    if (i < refs.length - 1) item.set('Next', refs[i + 1]!);
    item.set('Dest', new PdfArray([d.ref, PdfName.of('XYZ'), null, d.y ?? null, null]));
    if (b.children.length > 0) {
      const kids = addLevel(doc, refs[i]!, b.children, dests);
      item.set('First', kids.first!);
      item.set('Last', kids.last!);
      // Negative: closed, so the panel opens on the list of chapters.
      item.set('Count', -b.children.length);
    }
    doc.assign(refs[i]!, item);
  });
  return { first: refs[0], last: refs[refs.length - 1] };
}

/** Replaces the catalog's /Outlines; returns the number of top-level bookmarks. */
export function setOutline(doc: PdfDocument, hb: Handbook, dests: DestinationMap): number {
  const top = placed(bookmarksOf(hb), dests);
  if (top.length === 0) {
    doc.catalog.delete('Outlines');
    return 0;
  }
  const rootRef = doc.nextRef();
  const { first, last } = addLevel(doc, rootRef, top, dests);
  doc.assign(
    rootRef,
    PdfDict.of({ Type: PdfName.of('Outlines'), First: first!, Last: last!, Count: top.length }),
  );
  doc.catalog.set('Outlines', rootRef);
  doc.catalog.set('PageMode', PdfName.of('UseOutlines'));
  return top.length;
}
