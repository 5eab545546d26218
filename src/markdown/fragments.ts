/**
 * Markdown inside the toolchain's include templates (a care card's `content`, a step's body)
 * is read by the Markdown stage with the page, not rendered to an HTML string in Liquid and
 * parsed again: Liquid writes a placeholder element holding the Markdown (base64, so that no
 * text pass over the page touches it), and once the page's tree is built each placeholder is
 * replaced by the tree of its Markdown, read by the same reader with the same options. The
 * placeholder carries its text, so a cached Liquid result needs nothing else to be read.
 */
import type { Element, ElementContent, Parent, Root } from 'hast';

export const FRAGMENT_TAG = 'hb-markdown';
const ATTRIBUTE = 'data-md';

/** The element Liquid writes in place of `markdown` (nothing for blank Markdown). */
export function fragmentPlaceholder(markdown: string): string {
  if (markdown.trim() === '') return '';
  const data = Buffer.from(markdown, 'utf8').toString('base64');
  return `<${FRAGMENT_TAG} ${ATTRIBUTE}="${data}"></${FRAGMENT_TAG}>`;
}

/**
 * Replaces every placeholder in `tree` by the children of `read(its Markdown)`. `read` is
 * the Markdown stage's own reader, so placeholders inside a fragment are expanded there.
 */
export function expandFragments(tree: Root, read: (markdown: string) => Root): void {
  if (!hasFragment(tree)) return;
  replaceIn(tree, read);
}

function replaceIn(parent: Parent, read: (markdown: string) => Root): void {
  const out: ElementContent[] = [];
  for (const child of parent.children as ElementContent[]) {
    if (child.type === 'element' && child.tagName === FRAGMENT_TAG) {
      out.push(...(read(markdownOf(child)).children as ElementContent[]));
      continue;
    }
    if (child.type === 'element') replaceIn(child, read);
    out.push(child);
  }
  parent.children = out as typeof parent.children;
}

function markdownOf(el: Element): string {
  const data = el.properties.dataMd;
  return typeof data === 'string' ? decode(data) : '';
}

const decode = (data: string): string => Buffer.from(data, 'base64').toString('utf8');

/** Each placeholder in Liquid's output as `render(its Markdown)`: for reading that output. */
export function replacePlaceholders(text: string, render: (markdown: string) => string): string {
  return text.replace(
    new RegExp(`<${FRAGMENT_TAG} ${ATTRIBUTE}="([A-Za-z0-9+/=]*)"></${FRAGMENT_TAG}>`, 'g'),
    (_, data: string) => render(decode(data)),
  );
}

function hasFragment(node: Parent): boolean {
  return node.children.some(
    (c) => c.type === 'element' && (c.tagName === FRAGMENT_TAG || hasFragment(c)),
  );
}
