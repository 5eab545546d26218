/**
 * Bookmarks from the handbook's own outline (chapters, appendices, their listed sections),
 * each pointing at the destination Chromium wrote for the heading's id. Chromium's own
 * outline would list every heading, including the cover, the contents and the headings
 * inside care cards, which the handbook deliberately leaves out.
 */
import {
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFDocument,
  type PDFRef,
} from 'pdf-lib';
import type { Handbook, OutlineEntry } from '../../model.js';
import type { DestinationMap } from '../destinations.js';

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
  doc: PDFDocument,
  parent: PDFRef,
  list: Bookmark[],
  dests: DestinationMap,
): { first?: PDFRef; last?: PDFRef } {
  const refs = list.map(() => doc.context.nextRef());
  list.forEach((b, i) => {
    const d = dests.get(b.id)!;
    const item = doc.context.obj({}) as PDFDict;
    item.set(PDFName.of('Title'), PDFHexString.fromText(b.title));
    item.set(PDFName.of('Parent'), parent);
    if (i > 0) item.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < refs.length - 1) item.set(PDFName.of('Next'), refs[i + 1]!);
    const top = d.y === undefined ? PDFNull : PDFNumber.of(d.y);
    item.set(
      PDFName.of('Dest'),
      doc.context.obj([d.ref, PDFName.of('XYZ'), PDFNull, top, PDFNull]),
    );
    if (b.children.length > 0) {
      const kids = addLevel(doc, refs[i]!, b.children, dests);
      item.set(PDFName.of('First'), kids.first!);
      item.set(PDFName.of('Last'), kids.last!);
      // Negative: closed, so the panel opens on the list of chapters.
      item.set(PDFName.of('Count'), PDFNumber.of(-b.children.length));
    }
    doc.context.assign(refs[i]!, item);
  });
  return { first: refs[0], last: refs[refs.length - 1] };
}

/** Replaces the catalog's /Outlines; returns the number of top-level bookmarks. */
export function setOutline(doc: PDFDocument, hb: Handbook, dests: DestinationMap): number {
  const top = placed(bookmarksOf(hb), dests);
  const key = PDFName.of('Outlines');
  if (top.length === 0) {
    doc.catalog.delete(key);
    return 0;
  }
  const rootRef = doc.context.nextRef();
  const { first, last } = addLevel(doc, rootRef, top, dests);
  doc.context.assign(
    rootRef,
    doc.context.obj({ Type: 'Outlines', First: first!, Last: last!, Count: top.length }),
  );
  doc.catalog.set(key, rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  return top.length;
}
