import type { Nodes, Text, Parent } from 'mdast';

/** The last text node at the end of a block's inline content, if it ends in text. */
export function trailingText(node: Parent): Text | undefined {
  const last = node.children[node.children.length - 1];
  if (!last) return undefined;
  if (last.type === 'text') return last;
  return undefined;
}

/** The first text node at the start of a block's inline content, if it starts with text. */
export function leadingText(node: Parent): Text | undefined {
  const first = node.children[0];
  return first?.type === 'text' ? first : undefined;
}

/** Plain text of a node (what a reader sees). */
export function mdastText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(mdastText).join('');
  if (node.type === 'image') return node.alt ?? '';
  return '';
}
