/**
 * kramdown span IALs: `[x](y){:target="_blank"}`, `**b**{: .note}`, `` `c`{: #id} `` set
 * attributes on the span element right before them (no space between); `* {:.cls} text` at
 * the start of a list item sets them on the item. The attribute list is never text.
 */
import type { ListItem, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { applyAttributes, parseAttributeList } from './attribute-list.js';

const SPAN_IAL = /^\{:(?![\w-]+:)([^{}]*)\}/;
const TARGETS = new Set([
  'link',
  'linkReference',
  'emphasis',
  'strong',
  'inlineCode',
  'image',
  'imageReference',
  'delete',
]);

export default function remarkSpanIal() {
  return (tree: Root): void => {
    walk(tree);
  };
}

function walk(node: Parent): void {
  if (node.type === 'listItem') itemIal(node as ListItem);
  const kids = node.children as RootContent[];
  for (let i = 1; i < kids.length; i++) {
    const text = kids[i];
    const target = kids[i - 1];
    if (text?.type !== 'text' || !target || !TARGETS.has(target.type)) continue;
    let m: RegExpExecArray | null;
    while ((m = SPAN_IAL.exec(text.value))) {
      applyAttributes(target, parseAttributeList(m[1] ?? ''));
      text.value = text.value.slice(m[0].length);
    }
  }
  node.children = kids.filter((k) => k.type !== 'text' || k.value !== '') as typeof node.children;
  for (const k of node.children) if ('children' in k) walk(k);
}

/** `* {:.cls} text`: the IAL opens the item's first paragraph. */
function itemIal(item: ListItem): void {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return;
  const lead = first.children[0] as PhrasingContent | undefined;
  if (lead?.type !== 'text') return;
  const m = /^\{:(?![\w-]+:)([^{}]*)\}[ \t]*/.exec(lead.value);
  if (!m) return;
  applyAttributes(item, parseAttributeList(m[1] ?? ''));
  lead.value = lead.value.slice(m[0].length);
}
