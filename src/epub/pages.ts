/**
 * The page list: where the print edition's pages are. The PDF print knows the page of every
 * element a link targets (its named destinations: every heading the contents lists, plus
 * in-text link and footnote targets), not where each page begins. So each page on which such
 * an element lands gets a page-break marker just before the first of them in reading order,
 * and the page list points at the markers: "go to page 12" reaches text that is on page 12 of
 * the PDF. A page on which no heading or link target begins (the middle of a long section)
 * has no marker; a reader reaches it from the one before. The cover is always page 1.
 */
import type { Element, ElementContent, Parent } from 'hast';
import { visit } from 'unist-util-visit';
import { uniqueId } from '../html/link-notes.js';
import { el } from '../transform/hast.js';
import type { ContentDoc } from './documents.js';
import { fragment, idsInOrder } from './links.js';

export interface PageTarget {
  /** The PDF's page number, as its footer and contents print it. */
  page: number;
  href: string;
}

/** Parents in which a marker cannot stand beside the element (only list items, rows …). */
const NO_PHRASING = new Set(['ol', 'ul', 'menu', 'dl', 'table', 'thead', 'tbody', 'tfoot', 'tr']);
/** Elements that take the marker as their first child instead. */
const FLOW_HOSTS = new Set(['li', 'dt', 'dd', 'td', 'th']);

function marker(id: string, page: number): Element {
  return el('span', {
    id,
    'epub:type': 'pagebreak',
    role: 'doc-pagebreak',
    ariaLabel: String(page),
  });
}

/** Puts the marker before `target` (or inside it, first); false where neither is valid. */
function place(target: Element, parent: Parent, mark: Element): boolean {
  if (!NO_PHRASING.has((parent as Element).tagName ?? '')) {
    parent.children.splice(parent.children.indexOf(target as ElementContent), 0, mark);
    return true;
  }
  if (FLOW_HOSTS.has(target.tagName)) {
    target.children.unshift(mark);
    return true;
  }
  return false;
}

function findElement(doc: ContentDoc, id: string): { node: Element; parent: Parent } | undefined {
  let found: { node: Element; parent: Parent } | undefined;
  visit(doc.body, 'element', (node, _index, parent) => {
    if (!found && parent && node.properties.id === id) found = { node, parent };
  });
  return found;
}

/**
 * Adds the page-break markers to the documents (mutates them) and returns the page list, in
 * reading order and in page order at once (a page is listed only after every lower one).
 */
export function addPageBreaks(
  docs: readonly ContentDoc[],
  pageOf: Readonly<Record<string, number>>,
): PageTarget[] {
  const all = idsInOrder(docs);
  const taken = new Set(all.map((e) => e.id));
  const out: PageTarget[] = [];
  const title = docs.find((d) => d.role === 'titlepage');
  const first = title?.body.children.find((c): c is Element => c.type === 'element');
  if (title && first) {
    const id = uniqueId('page-1', taken);
    title.body.children.unshift(marker(id, 1));
    out.push({ page: 1, href: `${title.href}#${fragment(id)}` });
  }
  let last = out.length ? 1 : 0;
  for (const { id, href } of all) {
    const page = Object.hasOwn(pageOf, id) ? pageOf[id] : undefined;
    if (page === undefined || !Number.isInteger(page) || page <= last) continue;
    const doc = docs.find((d) => d.href === href);
    const at = doc && findElement(doc, id);
    if (!at) continue;
    const markId = uniqueId(`page-${page}`, taken);
    if (!place(at.node, at.parent, marker(markId, page))) continue;
    out.push({ page, href: `${href}#${fragment(markId)}` });
    last = page;
  }
  return out;
}
