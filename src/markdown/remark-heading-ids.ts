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

// kramdown: `{#id}` after a space or tab, the id starting with a letter (`Header{#x}` is text).
const TRAILING_ID = /(?:[ \t]+\{(#[A-Za-z][^\s{}]*)|[ \t]*\{(:[^{}]*))\}[ \t]*$/;

export default function remarkHeadingIds() {
  return (tree: Root, file: { value?: unknown }): void => {
    const source = String(file.value ?? '');
    visit(tree, 'heading', (heading) => {
      const text = trailingText(heading);
      const m = text ? TRAILING_ID.exec(text.value) : null;
      const list = m?.[1] ?? m?.[2];
      if (!text || !m || !list) return;
      const body = list.startsWith(':') ? list.slice(1) : list;
      applyAttributes(heading, parseAttributeList(body));
      // `### Header ## {#id}`: the closing hashes before the id go too, as kramdown's do.
      const atx = source
        .slice(heading.position?.start.offset ?? 0)
        .trimStart()
        .startsWith('#');
      text.value = text.value.slice(0, m.index).replace(atx ? /(?:[ \t]+#+)?\s*$/ : /\s+$/, '');
      if (text.value === '') heading.children.pop();
    });
  };
}
