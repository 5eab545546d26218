/** Small hast helpers shared by the transform's steps (no hastscript: it is not a direct dependency). */
import type { Element, ElementContent, Nodes, Parent, Properties, Root, Text } from 'hast';

export function isElement(node: Nodes | undefined, tag?: string): node is Element {
  return node?.type === 'element' && (tag === undefined || node.tagName === tag);
}

export function classList(el: Element): string[] {
  const c = el.properties.className as unknown;
  if (Array.isArray(c)) return c.map(String);
  return typeof c === 'string' ? c.split(/\s+/).filter(Boolean) : [];
}

export function hasClass(el: Element, name: string): boolean {
  return classList(el).includes(name);
}

/** 1–6 for h1–h6, otherwise undefined. */
export function headingRank(node: Nodes | undefined): number | undefined {
  if (!isElement(node)) return undefined;
  const m = /^h([1-6])$/.exec(node.tagName);
  return m ? Number(m[1]) : undefined;
}

export function el(
  tagName: string,
  properties: Properties,
  children: ElementContent[] = [],
): Element {
  return { type: 'element', tagName, properties, children };
}

export function txt(value: string): Text {
  return { type: 'text', value };
}

/** Text a reader sees: visually hidden labels (screen-reader only) are left out. */
export function visibleText(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (
    node.type === 'element' &&
    (hasClass(node, 'hb-visually-hidden') || hasClass(node, 'nhsuk-u-visually-hidden'))
  ) {
    return '';
  }
  if ('children' in node) return (node.children as Nodes[]).map(visibleText).join('');
  return '';
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every element under `root` in document order, with its ancestors (outermost first). */
export function* elements(
  root: Parent,
  ancestors: Element[] = [],
): Generator<{ node: Element; ancestors: Element[]; parent: Parent }> {
  for (const child of root.children) {
    if (child.type !== 'element') continue;
    yield { node: child, ancestors, parent: root };
    yield* elements(child, [...ancestors, child]);
  }
}

/** First descendant element matching `test`, depth first. */
export function find(root: Parent, test: (e: Element) => boolean): Element | undefined {
  for (const { node } of elements(root)) if (test(node)) return node;
  return undefined;
}

export function findAll(root: Parent, test: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  for (const { node } of elements(root)) if (test(node)) out.push(node);
  return out;
}

export function isRoot(node: Parent): node is Root {
  return node.type === 'root';
}

/** Children with leading and trailing whitespace-only text nodes removed. */
export function trimmed(children: ElementContent[]): ElementContent[] {
  const out = [...children];
  const blank = (n?: ElementContent) => n?.type === 'text' && n.value.trim() === '';
  while (blank(out[0])) out.shift();
  while (blank(out.at(-1))) out.pop();
  return out;
}
