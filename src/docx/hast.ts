/** Small hast helpers shared by the DOCX renderer's modules. */
import type { Element, ElementContent, Root, RootContent } from 'hast';

export type Node = Root | RootContent | ElementContent;

export function isElement(node: Node | undefined, tag?: string): node is Element {
  return node?.type === 'element' && (tag === undefined || node.tagName === tag);
}

export function classes(el: Element): string[] {
  const c: unknown = el.properties?.className;
  if (Array.isArray(c)) return c.map(String);
  return typeof c === 'string' ? c.split(/\s+/) : [];
}

export function hasClass(node: Node | undefined, name: string): node is Element {
  return isElement(node) && classes(node).includes(name);
}

export function prop(el: Element, name: string): string | undefined {
  const v = el.properties?.[name];
  if (v === undefined || v === null || v === false) return undefined;
  return Array.isArray(v) ? v.join(' ') : String(v);
}

/** The text of a subtree, as a reader would see it (visually hidden labels excluded). */
export function textOf(node: Node, keepHidden = false): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  if (!keepHidden && hasClass(node, 'hb-visually-hidden')) return '';
  if (isElement(node, 'br')) return ' ';
  return node.children.map((c) => textOf(c, keepHidden)).join('');
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Children that are elements of one of the tags. */
export function childElements(el: Element | Root, ...tags: string[]): Element[] {
  const children: Node[] = el.children;
  return children.filter(
    (c): c is Element => isElement(c) && (tags.length === 0 || tags.includes(c.tagName)),
  );
}

export function findDescendant(
  el: Element | Root,
  test: (e: Element) => boolean,
): Element | undefined {
  for (const child of el.children) {
    if (!isElement(child)) continue;
    if (test(child)) return child;
    const deeper = findDescendant(child, test);
    if (deeper) return deeper;
  }
  return undefined;
}

export const HEADING = /^h([1-6])$/;

/** Phrasing (inline) elements: grouped into one paragraph with the text around them. */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'br',
  'cite',
  'code',
  'data',
  'dfn',
  'em',
  'i',
  'img',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'del',
  'ins',
  'wbr',
  'label',
]);

export function isInline(node: Node): boolean {
  if (node.type === 'text') return true;
  return isElement(node) && INLINE.has(node.tagName);
}
