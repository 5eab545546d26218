/** Test helpers: query rendered HTML as a hast tree (no DOM in node:test). */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

export function parse(html: string): Root {
  return fromHtml(html);
}

export function all(tree: Root | Element, test: (el: Element) => boolean): Element[] {
  const out: Element[] = [];
  visit(tree, 'element', (el) => {
    if (test(el)) out.push(el);
  });
  return out;
}

export function byTag(tree: Root | Element, tag: string): Element[] {
  return all(tree, (el) => el.tagName === tag);
}

export function hasClass(el: Element, cls: string): boolean {
  const c = el.properties.className;
  return Array.isArray(c) && c.includes(cls);
}

export function byClass(tree: Root | Element, cls: string): Element[] {
  return all(tree, (el) => hasClass(el, cls));
}

export function byId(tree: Root | Element, id: string): Element[] {
  return all(tree, (el) => el.properties.id === id);
}

export function text(el: Element): string {
  return toText(el).replace(/\s+/g, ' ').trim();
}

export function styleText(tree: Root): string {
  return byTag(tree, 'style').map(text).join('\n');
}
