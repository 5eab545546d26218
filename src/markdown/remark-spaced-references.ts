/**
 * kramdown (like Markdown.pl) allows one space or line break between a reference link's text
 * and its id: `[the guide] [1]`, `[URL]\n[isurl]`. CommonMark reads `[the guide]` as text and
 * `[1]` as a link of its own; the pair is joined back into one link with the first text.
 */
import type { LinkReference, Parent, PhrasingContent, Root } from 'mdast';
import { visit } from 'unist-util-visit';

const TEXT_THEN_SPACE = /\[([^[\]\n]+)\][ \n]$/;

export default function remarkSpacedReferences() {
  return (tree: Root): void => {
    visit(tree, (node) => {
      if ('children' in node && node.type !== 'root') join(node as Parent);
    });
  };
}

function join(parent: Parent): void {
  const kids = parent.children as PhrasingContent[];
  for (let i = 1; i < kids.length; i++) {
    const ref = kids[i];
    const before = kids[i - 1];
    if (ref?.type !== 'linkReference' || ref.referenceType !== 'shortcut') continue;
    if (before?.type !== 'text') continue;
    const m = TEXT_THEN_SPACE.exec(before.value);
    if (!m) continue;
    before.value = before.value.slice(0, m.index);
    const link: LinkReference = {
      type: 'linkReference',
      identifier: ref.identifier,
      label: ref.label,
      referenceType: 'full',
      children: [{ type: 'text', value: m[1] ?? '' }],
      position: ref.position,
    };
    kids[i] = link;
  }
  parent.children = kids.filter(
    (k) => k.type !== 'text' || k.value !== '',
  ) as typeof parent.children;
}
