/**
 * kramdown header ids: `## Data checking {#data-checking}`. The `{#…}` is not part of the
 * heading's text; it sets the heading's id. A trailing `{: …}` attribute list is accepted
 * the same way. Headings without one get an id from their text later, in the transform,
 * where ids are made unique across the whole handbook.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import { applyAttributes, parseAttributeList } from './attribute-list.js';
import { trailingText } from './mdast-text.js';

const TRAILING_ID = /[ \t]*\{(#[^\s{}]+|:[^{}]*)\}[ \t]*$/;

export default function remarkHeadingIds() {
  return (tree: Root): void => {
    visit(tree, 'heading', (heading) => {
      const text = trailingText(heading);
      const m = text ? TRAILING_ID.exec(text.value) : null;
      if (!text || !m?.[1]) return;
      const body = m[1].startsWith(':') ? m[1].slice(1) : m[1];
      applyAttributes(heading, parseAttributeList(body));
      text.value = text.value.slice(0, m.index).replace(/\s+$/, '');
      if (text.value === '') heading.children.pop();
    });
  };
}
