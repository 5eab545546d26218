/**
 * kramdown footnotes: `[^name]` markers become `<sup id="fnref:name"><a href="#fn:name"
 * class="footnote">N</a></sup>`, numbered from `footnote_nr` in order of first use; the
 * definitions become one `<div class="footnotes">` list at the end, each item `id="fn:name"`
 * with a back link per use (`#fnref:name`, `#fnref:name:1` …), exactly as kramdown's ids go,
 * so links written against the website (`#fn:1`) still land. Unused definitions are dropped.
 */
import type {
  FootnoteDefinition,
  FootnoteReference,
  ListItem,
  Nodes,
  Parent,
  PhrasingContent,
  Root,
  RootContent,
} from 'mdast';

export default function remarkKramdownFootnotes(options: { footnoteNr: number }) {
  return (tree: Root): void => {
    const definitions = new Map<string, FootnoteDefinition>();
    collect(tree, definitions);
    if (definitions.size === 0) return;
    const order: string[] = [];
    const uses = new Map<string, number>();
    replaceReferences(tree, definitions, order, uses, options.footnoteNr);
    if (order.length === 0) return;
    tree.children.push(footer(order, definitions, uses, options.footnoteNr));
  };
}

function collect(node: Parent, definitions: Map<string, FootnoteDefinition>): void {
  node.children = (node.children as RootContent[]).filter((child) => {
    if (child.type === 'footnoteDefinition') {
      if (!definitions.has(child.identifier)) definitions.set(child.identifier, child);
      return false;
    }
    if ('children' in child) collect(child, definitions);
    return true;
  }) as typeof node.children;
}

function replaceReferences(
  node: Parent,
  definitions: Map<string, FootnoteDefinition>,
  order: string[],
  uses: Map<string, number>,
  first: number,
): void {
  const kids = node.children as Nodes[];
  kids.forEach((child, i) => {
    if (child.type === 'footnoteReference') {
      kids[i] = marker(child, definitions, order, uses, first);
    } else if ('children' in child) {
      replaceReferences(child, definitions, order, uses, first);
    }
  });
}

function marker(
  ref: FootnoteReference,
  definitions: Map<string, FootnoteDefinition>,
  order: string[],
  uses: Map<string, number>,
  first: number,
): PhrasingContent {
  const def = definitions.get(ref.identifier);
  const name = def?.label ?? ref.label ?? ref.identifier;
  if (!order.includes(ref.identifier)) order.push(ref.identifier);
  const used = uses.get(ref.identifier) ?? 0;
  uses.set(ref.identifier, used + 1);
  const number = first + order.indexOf(ref.identifier);
  return {
    type: 'emphasis',
    position: ref.position,
    data: {
      hName: 'sup',
      hProperties: {
        id: used === 0 ? `fnref:${name}` : `fnref:${name}:${used}`,
        role: 'doc-noteref',
      },
    },
    children: [
      {
        type: 'link',
        url: `#fn:${name}`,
        data: { hProperties: { className: ['footnote'], rel: ['footnote'] } },
        children: [{ type: 'text', value: String(number) }],
      },
    ],
  };
}

function footer(
  order: string[],
  definitions: Map<string, FootnoteDefinition>,
  uses: Map<string, number>,
  first: number,
): RootContent {
  const items: ListItem[] = order.map((id) => {
    const def = definitions.get(id);
    const name = def?.label ?? id;
    const children = [...(def?.children ?? [])];
    const backs: PhrasingContent[] = [];
    for (let n = 0; n < (uses.get(id) ?? 1); n++) {
      backs.push({ type: 'text', value: '\u00a0' }, backLink(name, n));
    }
    const last = children.at(-1);
    if (last?.type === 'paragraph') {
      children[children.length - 1] = { ...last, children: [...last.children, ...backs] };
    } else children.push({ type: 'paragraph', children: backs.slice(1) });
    return {
      type: 'listItem',
      spread: true,
      data: { hProperties: { id: `fn:${name}`, role: 'doc-endnote' } },
      children,
    };
  });
  return {
    type: 'blockquote',
    data: { hName: 'div', hProperties: { className: ['footnotes'], role: 'doc-endnotes' } },
    children: [{ type: 'list', ordered: true, start: first, spread: true, children: items }],
  };
}

function backLink(name: string, n: number): PhrasingContent {
  return {
    type: 'link',
    url: n === 0 ? `#fnref:${name}` : `#fnref:${name}:${n}`,
    data: { hProperties: { className: ['reversefootnote'], role: 'doc-backlink' } },
    children:
      n === 0
        ? [{ type: 'text', value: '\u21a9' }]
        : [
            { type: 'text', value: '\u21a9' },
            {
              type: 'emphasis',
              data: { hName: 'sup' },
              children: [{ type: 'text', value: String(n + 1) }],
            },
          ],
  };
}
