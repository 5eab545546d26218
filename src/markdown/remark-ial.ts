/**
 * kramdown block IALs: a line `{: .class #id key="v"}` directly before or after a block
 * applies those attributes to it and is not text. Remark reads such a line as a paragraph
 * of its own, or as the last (or first) line of the paragraph it touches; this plugin finds
 * it in each of those places, applies it and removes it. `{:toc}` marks kramdown's generated
 * table of contents, which the handbook replaces with its own, so that block is dropped.
 */
import type { Root, Paragraph, Parent, RootContent, Table } from 'mdast';
import {
  ALD_LINE,
  applyAttributes,
  IAL_LINE,
  parseAttributeList,
  type AttributeList,
} from './attribute-list.js';
import { splitAtIalLines } from './ial-split.js';
import { leadingText, trailingText } from './mdast-text.js';

export default function remarkIal() {
  return (tree: Root): void => {
    walk(tree);
  };
}

function walk(parent: Parent): void {
  const drop = new Set<RootContent>();
  const kids = parent.children as RootContent[];
  for (let i = 0; i < kids.length; i++) {
    const node = kids[i];
    if (!node) continue;
    if (node.type === 'paragraph') {
      const pieces = splitAtIalLines(node);
      if (pieces.length > 1) {
        kids.splice(i, 1, ...pieces);
        i--;
        continue;
      }
      const standalone = standaloneLists(node);
      if (standalone) {
        drop.add(node);
        const target = adjacentTarget(kids, i, drop);
        if (target) for (const list of standalone) applyTo(target, list, drop);
        continue;
      }
      for (const list of takeLeading(node)) applyTo(node, list, drop);
      for (const list of takeTrailing(node)) applyTo(node, list, drop);
      if (node.children.length === 0) drop.add(node);
    } else if (node.type === 'list') {
      // An IAL line right under a list is, to remark, a lazy line of its last paragraph.
      const last = deepestLastParagraph(node);
      if (last) for (const list of takeTrailing(last)) applyTo(node, list, drop);
    } else if (node.type === 'table') {
      const list = takeTableRow(node);
      if (list) applyTo(node, list, drop);
    }
    if ('children' in node && !drop.has(node)) walk(node as Parent);
  }
  if (drop.size > 0) parent.children = kids.filter((k) => !drop.has(k)) as typeof parent.children;
}

/** A paragraph made only of IAL (and ALD) lines. */
function standaloneLists(p: Paragraph): AttributeList[] | undefined {
  if (p.children.length !== 1 || p.children[0]?.type !== 'text') return undefined;
  const lines = p.children[0].value.split('\n');
  if (!lines.every((l) => IAL_LINE.test(l) || ALD_LINE.test(l))) return undefined;
  return lines.flatMap((l) => {
    const m = IAL_LINE.exec(l);
    return m ? [parseAttributeList(m[1] ?? '')] : [];
  });
}

/** The block an IAL on its own line belongs to: the one right before it, else right after. */
function adjacentTarget(
  kids: RootContent[],
  i: number,
  drop: Set<RootContent>,
): RootContent | undefined {
  const ial = kids[i];
  const prev = kids[i - 1];
  const next = kids[i + 1];
  const touches = (a?: RootContent, b?: RootContent) =>
    a?.position && b?.position && a.position.end.line + 1 === b.position.start.line;
  if (prev && !drop.has(prev) && touches(prev, ial)) return prev;
  if (next && touches(ial, next)) return next;
  return prev && !drop.has(prev) ? prev : undefined;
}

function takeLeading(p: Paragraph): AttributeList[] {
  const text = leadingText(p);
  if (!text) return [];
  const lines = text.value.split('\n');
  const found: AttributeList[] = [];
  while (lines.length > 1 && (IAL_LINE.test(lines[0] ?? '') || ALD_LINE.test(lines[0] ?? ''))) {
    const m = IAL_LINE.exec(lines.shift() ?? '');
    if (m) found.push(parseAttributeList(m[1] ?? ''));
  }
  text.value = lines.join('\n');
  return found;
}

function takeTrailing(p: Paragraph): AttributeList[] {
  const text = trailingText(p);
  if (!text) return [];
  const lines = text.value.split('\n');
  const found: AttributeList[] = [];
  while (
    lines.length > 1 &&
    (IAL_LINE.test(lines.at(-1) ?? '') || ALD_LINE.test(lines.at(-1) ?? ''))
  ) {
    const m = IAL_LINE.exec(lines.pop() ?? '');
    if (m) found.unshift(parseAttributeList(m[1] ?? ''));
  }
  text.value = lines.join('\n');
  if (text.value === '') p.children.pop();
  return found;
}

/** GFM reads a `{: …}` line under a table as one more row of one cell. */
function takeTableRow(table: Table): AttributeList | undefined {
  const row = table.children.at(-1);
  const cell = row?.children.length === 1 ? row.children[0] : undefined;
  const text =
    cell?.children.length === 1 && cell.children[0]?.type === 'text' ? cell.children[0].value : '';
  const m = IAL_LINE.exec(text);
  if (!m || table.children.length < 2) return undefined;
  table.children.pop();
  return parseAttributeList(m[1] ?? '');
}

function deepestLastParagraph(list: RootContent): Paragraph | undefined {
  let last: RootContent | undefined = list;
  while (last && (last.type === 'list' || last.type === 'listItem')) last = last.children.at(-1);
  return last?.type === 'paragraph' ? last : undefined;
}

function applyTo(target: RootContent, list: AttributeList, drop: Set<RootContent>): void {
  if (list.references.includes('toc')) drop.add(target);
  applyAttributes(target, list);
}
