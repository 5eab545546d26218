/**
 * kramdown's emphasis nesting, where CommonMark's differs: `***both***` is strong around
 * emphasis (`<strong><em>`), and emphasis never holds emphasis of its own kind (in
 * `*a _b_ c*` the inner `_b_` stays text, delimiters and all).
 */
import type { Emphasis, Nodes, PhrasingContent, Root, Strong } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

type Span = Emphasis | Strong;

export default function remarkStrongEm() {
  return (tree: Root, file: VFile): void => {
    const source = String(file.value);
    visit(tree, 'emphasis', (em) => {
      const only = em.children.length === 1 ? em.children[0] : undefined;
      if (only?.type !== 'strong') return;
      const inner = only.children;
      Object.assign(em, { type: 'strong' });
      Object.assign(only, { type: 'emphasis', children: inner });
    });
    visit(tree, (node) => {
      if (node.type === 'emphasis' || node.type === 'strong') flattenSameKind(node, source);
    });
  };
}

function flattenSameKind(outer: Span, source: string): void {
  const walk = (parent: { children: PhrasingContent[] }): void => {
    parent.children = parent.children.flatMap((child): PhrasingContent[] => {
      if ('children' in child) walk(child as { children: PhrasingContent[] });
      if (child.type !== outer.type) return [child];
      const marker = delimiter(child, source, outer.type === 'strong' ? 2 : 1);
      if (!marker) return [child];
      return [{ type: 'text', value: marker }, ...child.children, { type: 'text', value: marker }];
    });
  };
  walk(outer);
}

/** The delimiter run a span was written with (`_`, `**` …), from the source. */
function delimiter(node: Nodes, source: string, size: number): string | undefined {
  const at = node.position?.start.offset;
  if (at === undefined) return undefined;
  const marker = source.slice(at, at + size);
  return /^(?:\*+|_+)$/.test(marker) ? marker : undefined;
}
