/**
 * Link annotations: PDF/UA wants a /Contents (a description of the link) on every one, and
 * `/Tabs /S` (tab order = structure order) on every page that has annotations. Chromium writes
 * neither reliably. The description comes from the handbook: an internal link says where it
 * goes ("Go to Kick-off meeting"), an external one gives its link text and address.
 */
import type { Element, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { PDFArray, PDFDict, PDFHexString, PDFName, type PDFDocument } from 'pdf-lib';
import type { Handbook, OutlineEntry } from '../../model.js';
import { noteIdBase, noteTargets } from '../../html/link-notes.js';
import { destinationId, pdfText, type DestinationMap } from '../destinations.js';

export interface LinkTexts {
  /** id → heading title (chapters and outline entries). */
  headings: Map<string, string>;
  /** href → visible text of the first link with that href. */
  links: Map<string, string>;
  /** Link-note id base (`<chapter>-link-<n>`) → what the note says ("Link note 2: … (URL)"). */
  notes: Map<string, string>;
  /** Destination id → page number, for any other internal target. */
  pages?: DestinationMap;
}

function collectLinks(node: Root | RootContent, out: Map<string, string>): void {
  const stack: (Root | RootContent)[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'element' && n.tagName === 'a') {
      const href = (n as Element).properties['href'];
      // The text only when the href has none yet: toText is the costly part here.
      if (typeof href === 'string' && !out.has(href)) {
        const text = toText(n as Element)
          .replace(/\s+/g, ' ')
          .trim();
        if (text) out.set(href, text);
      }
    }
    if ('children' in n)
      for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
}

export function linkTexts(hb: Handbook): LinkTexts {
  const headings = new Map<string, string>();
  const links = new Map<string, string>();
  const notes = new Map<string, string>();
  const walk = (entries: OutlineEntry[]): void => {
    for (const e of entries) {
      headings.set(e.id, e.title);
      walk(e.children);
    }
  };
  for (const c of [...hb.chapters, ...hb.appendices]) {
    headings.set(c.id, c.label ? `${c.label}: ${c.title}` : c.title);
    walk(c.outline);
    collectLinks(c.body, links);
    if (c.kind === 'chapter')
      for (const t of noteTargets(c.body))
        notes.set(noteIdBase(c.id, t.n), `Link note ${t.n}: ${t.text} (${t.shown})`);
  }
  return { headings, links, notes };
}

/** The description for one link annotation. */
export function describeLink(annot: PDFDict, texts: LinkTexts): string {
  const action = annot.lookup(PDFName.of('A'));
  const uri = action instanceof PDFDict ? pdfText(action.lookup(PDFName.of('URI'))) : undefined;
  if (uri) {
    const text = texts.links.get(uri);
    return text && text !== uri ? `${text} (${uri})` : uri;
  }
  const dest =
    destinationId(annot.lookup(PDFName.of('Dest'))) ??
    (action instanceof PDFDict ? destinationId(action.lookup(PDFName.of('D'))) : undefined);
  if (dest !== undefined) {
    const heading = texts.headings.get(dest);
    if (heading) return `Go to ${heading}`;
    // A note's id may carry uniqueId's "-2" suffix when the base was taken.
    const note = texts.notes.get(dest) ?? texts.notes.get(dest.replace(/-\d+$/, ''));
    if (note && /-link-\d+(-\d+)?$/.test(dest)) return note;
    const text = texts.links.get(`#${dest}`);
    if (text) return `Go to ${text}`;
    const page = texts.pages?.get(dest)?.page;
    return page ? `Go to page ${page} of this handbook` : 'Go to a place in this handbook';
  }
  return 'Link';
}

/** Sets /Contents on every link annotation and /Tabs /S on every page with annotations. */
export function fixLinks(doc: PDFDocument, texts: LinkTexts): number {
  let described = 0;
  for (const page of doc.getPages()) {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray) || annots.size() === 0) continue;
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    for (let i = 0; i < annots.size(); i++) {
      const a = annots.lookup(i);
      if (!(a instanceof PDFDict) || a.lookup(PDFName.of('Subtype')) !== PDFName.of('Link'))
        continue;
      if (pdfText(a.lookup(PDFName.of('Contents')))) continue;
      a.set(PDFName.of('Contents'), PDFHexString.fromText(describeLink(a, texts)));
      described++;
    }
  }
  return described;
}
