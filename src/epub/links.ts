/**
 * The tree's internal links are `#id` within one document; the EPUB splits the handbook into a
 * file per chapter, so a link whose target lives in another file gets that file's name. A
 * fragment that names no id in the publication (none should survive the transform) becomes
 * its text, as the transform does with broken links: a reading system must never be sent
 * nowhere.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';
import type { ContentDoc } from './documents.js';

/** Every id of every document in reading order, with the file it is in. */
export function idsInOrder(docs: readonly ContentDoc[]): { id: string; href: string }[] {
  const out: { id: string; href: string }[] = [];
  for (const doc of docs)
    visit(doc.body, 'element', (node) => {
      const id = node.properties.id;
      if (typeof id === 'string' && id) out.push({ id, href: doc.href });
    });
  return out;
}

export function fileOfId(docs: readonly ContentDoc[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const { id, href } of idsInOrder(docs)) if (!map.has(id)) map.set(id, href);
  return map;
}

function fragmentId(href: string): string {
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1);
  }
}

/** Rewrites the `#id` links of every document (mutates the bodies). */
export function relinkDocuments(docs: readonly ContentDoc[], files: Map<string, string>): void {
  for (const doc of docs) relink(doc.body, doc.href, files);
}

function relink(tree: Root, here: string, files: Map<string, string>): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    const href = node.properties.href;
    if (node.tagName !== 'a' || typeof href !== 'string' || !href.startsWith('#')) return;
    if (href === '#') return;
    const target = files.get(fragmentId(href));
    if (target === here) return;
    if (target) {
      node.properties.href = `${target}${href}`;
      return;
    }
    if (parent && index !== undefined) {
      node.tagName = 'span';
      node.properties = { className: ['hb-broken-link'] };
      return [SKIP, index];
    }
    return undefined;
  });
}

/** An id as a URL fragment: letters, digits and `._~:-` as they are, the rest %-encoded. */
export function fragment(id: string): string {
  return id.replace(/[^\p{L}\p{N}._~:-]/gu, (c) => encodeURIComponent(c));
}
