/**
 * Word bookmark names for the tree's ids. Word accepts at most 40 characters, starting with
 * a letter, letters/digits/underscore only; names starting with "_" are hidden, which we do
 * not want for headings people may link to. So `h_<id with other characters as _>`, cut to
 * fit, with a counter when two ids come out the same. Derived in document order, so the same
 * tree always gives the same names.
 */
import type { Element, Root, RootContent } from 'hast';
import type { Handbook } from '../model.js';

export const BOOKMARK_MAX = 40;

export function bookmarkBase(id: string): string {
  const cleaned = id
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `h_${cleaned || 'x'}`.slice(0, BOOKMARK_MAX);
}

/** Makes `base` unique against `taken`, keeping within the length limit. */
export function uniqueName(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = `_${n}`;
    name = base.slice(0, BOOKMARK_MAX - suffix.length) + suffix;
  }
  // Word compares bookmark names case-insensitively.
  taken.add(name.toLowerCase());
  return name;
}

function collectIds(node: Root | RootContent, out: string[]): void {
  if (node.type === 'element') {
    const id = (node as Element).properties?.id;
    if (typeof id === 'string' && id) out.push(id);
  }
  if ('children' in node) for (const child of node.children) collectIds(child, out);
}

/**
 * Every id a link may point at (chapters, headings, any element with an id) → its bookmark.
 * `extraIds` are the renderer's own targets (document control), named first.
 */
export function bookmarkNames(hb: Handbook, extraIds: string[] = []): Map<string, string> {
  const ids: string[] = [...extraIds];
  for (const chapter of [...hb.chapters, ...hb.appendices]) {
    ids.push(chapter.id);
    collectIds(chapter.body, ids);
  }
  const taken = new Set<string>();
  const names = new Map<string, string>();
  for (const id of ids) if (!names.has(id)) names.set(id, uniqueName(bookmarkBase(id), taken));
  return names;
}
