/**
 * Drops every HTML comment left in the tree (a comment inside an include's HTML, or one the
 * text pass could not see), so that no editorial note or retired text reaches a handbook.
 */
import type { Root, Parent } from 'hast';

export default function rehypeRemoveComments() {
  return (tree: Root): void => {
    prune(tree);
  };
}

function prune(node: Parent): void {
  node.children = node.children.filter((c) => c.type !== 'comment') as typeof node.children;
  for (const child of node.children) if ('children' in child) prune(child);
  // <template> content lives outside `children` in hast.
  const content = (node as { content?: Parent }).content;
  if (content) prune(content);
}
