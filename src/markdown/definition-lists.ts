/**
 * kramdown definition lists (parser/kramdown/list.rb): one or more term lines, then
 * definitions each opened by a line starting with `:` and a space. CommonMark reads the
 * whole thing as one paragraph, so the paragraph is split into its lines here. A definition
 * written after a blank line holds a paragraph (`<dd><p>…</p></dd>`); one right under its
 * terms is bare text, as kramdown renders them. Consecutive lists join into one.
 */
import type { BlockContent, Paragraph, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { applyAttributes, parseAttributeList, type AttributeList } from './attribute-list.js';

const DD = /^:[ \t]+/;
// `: {:.cls} text`: the IAL opening a definition sets attributes on its <dd>, as on an item.
const DD_IAL = /^\{:(?![\w-]+:)([^{}]*)\}[ \t]*/;

export default function remarkDefinitionLists() {
  return (tree: Root, file: { value?: unknown }): void => {
    walk(tree, String(file.value ?? '').split('\n'));
  };
}

type Dl = BlockContent & { children: RootContent[] };

function walk(parent: Parent, source: readonly string[]): void {
  const out: RootContent[] = [];
  for (const child of parent.children as RootContent[]) {
    const before = out.at(-1);
    if (before && isDl(before) && continuesDefinition(child)) {
      appendToDefinition(before as Dl, child);
      continue;
    }
    if (child.type === 'paragraph') {
      const lines = splitLines(child.children);
      const first = lines.findIndex((l) => startsDd(l));
      const prev = out.at(-1);
      if (first === 0 && prev && (isDl(prev) || prev.type === 'paragraph')) {
        // `: definition` after a blank line: a paragraph inside the definition.
        const dl = isDl(prev) ? (prev as Dl) : termsToDl(prev as Paragraph);
        if (!isDl(prev)) out[out.length - 1] = dl;
        dl.children.push(...definitions(lines, true));
        continue;
      }
      if (first > 0) {
        const dl = makeDl([
          ...lines.slice(0, first).map((l) => item('dt', l)),
          ...definitions(lines.slice(first), false, sourceLines(child, source, first)),
        ]);
        if (prev && isDl(prev)) (prev as Dl).children.push(...dl.children);
        else out.push(dl);
        continue;
      }
    }
    if ('children' in child) walk(child, source);
    out.push(child);
  }
  parent.children = out as typeof parent.children;
}

/** An indented paragraph or list right after a definition list continues its last definition. */
function continuesDefinition(node: RootContent): boolean {
  const column = node.position?.start.column ?? 1;
  return column > 1 && (node.type === 'paragraph' || node.type === 'list');
}

function appendToDefinition(dl: Dl, block: RootContent): void {
  const last = dl.children.at(-1);
  if (!last || (last.data as { hName?: string } | undefined)?.hName !== 'dd') return;
  if (last.type === 'paragraph') {
    // The bare first line stays bare; the block joins it (kramdown: <dd>text<p>more</p></dd>).
    dl.children[dl.children.length - 1] = {
      type: 'blockquote',
      data: { hName: 'dd' },
      children: [...last.children, block],
    } as unknown as RootContent;
  } else if ('children' in last) (last.children as RootContent[]).push(block);
}

function isDl(node: RootContent): boolean {
  return (node.data as { hName?: string } | undefined)?.hName === 'dl';
}

function makeDl(children: RootContent[]): Dl {
  return { type: 'blockquote', data: { hName: 'dl' }, children } as Dl;
}

function termsToDl(p: Paragraph): Dl {
  return makeDl(splitLines(p.children).map((l) => item('dt', l)));
}

function startsDd(line: PhrasingContent[]): boolean {
  const head = line[0];
  return head?.type === 'text' && DD.test(head.value);
}

/** Definitions: each `:` line opens one; the lines after it continue it. */
function definitions(
  lines: PhrasingContent[][],
  asParagraph: boolean,
  source: readonly (string | undefined)[] = [],
): RootContent[] {
  const out: PhrasingContent[][] = [];
  // A definition that is only an IAL, its lines indented 4 more than its text: code.
  const code = new Map<number, string[]>();
  let codeIndent: number | undefined;
  const ials: (AttributeList | undefined)[] = [];
  // Where an end-of-block marker `^` split a definition: the lines after it are a paragraph.
  const splits = new Map<number, number>();
  for (const [k, line] of lines.entries()) {
    const raw = source[k];
    if (codeIndent !== undefined && raw !== undefined && indentOf(raw) >= codeIndent) {
      code.get(out.length - 1)?.push(raw.slice(codeIndent));
      continue;
    }
    codeIndent = undefined;
    if (isMarker(line) && out.length) {
      splits.set(out.length - 1, out.at(-1)?.length ?? 0);
      continue;
    }
    if (startsDd(line)) {
      const head = line[0] as { value: string };
      const marker = DD.exec(head.value)?.[0].length ?? 2;
      head.value = head.value.replace(DD, '');
      const m = DD_IAL.exec(head.value);
      if (m) head.value = head.value.slice(m[0].length);
      if (m && head.value === '' && line.length === 1) {
        // With nothing after its IAL, kramdown takes the definition's text to start at
        // column 4 at least (as after `:   `); code is indented 4 more than that.
        codeIndent = Math.max(marker, 4) + 4;
        code.set(out.length, []);
      }
      ials.push(m ? parseAttributeList(m[1] ?? '') : undefined);
      out.push([...line]);
    } else out.at(-1)?.push({ type: 'text', value: '\n' }, ...line);
  }
  return out.map((content, i) => {
    const at = splits.get(i);
    const lines = code.get(i);
    const dd = lines?.length
      ? codeDefinition(lines)
      : at === undefined || asParagraph
        ? definition(content, asParagraph)
        : splitDefinition(content.slice(0, at), content.slice(at));
    const ial = ials[i];
    if (ial) applyAttributes(dd, ial);
    return dd;
  });
}

function definition(content: PhrasingContent[], asParagraph: boolean): RootContent {
  return asParagraph
    ? ({
        type: 'blockquote',
        data: { hName: 'dd' },
        children: [{ type: 'paragraph', children: content }],
      } as RootContent)
    : item('dd', content);
}

function codeDefinition(lines: string[]): RootContent {
  const code = { type: 'code', value: lines.join('\n') };
  return { type: 'blockquote', data: { hName: 'dd' }, children: [code] } as RootContent;
}

function indentOf(line: string): number {
  return /^ */.exec(line)?.[0].length ?? 0;
}

/** The page's source lines of a paragraph's lines from `from` on (where it has positions). */
function sourceLines(p: RootContent, source: readonly string[], from: number): string[] {
  const start = p.position?.start.line;
  const end = p.position?.end.line;
  if (start === undefined || end === undefined || (p.position?.start.column ?? 1) !== 1) return [];
  return source.slice(start - 1 + from, end);
}

/** `^` alone on a (continuation) line: kramdown's end of the block before it. */
function isMarker(line: PhrasingContent[]): boolean {
  const head = line[0];
  return line.length === 1 && head?.type === 'text' && head.value.trim() === '^';
}

/** `<dd>text<p>more</p></dd>`: the bare first part, then the part after `^` as a paragraph. */
function splitDefinition(bare: PhrasingContent[], rest: PhrasingContent[]): RootContent {
  const para = trimLine(rest[0]?.type === 'text' && rest[0].value === '\n' ? rest.slice(1) : rest);
  return {
    type: 'blockquote',
    data: { hName: 'dd' },
    children: [...trimLine(bare), { type: 'paragraph', children: para }],
  } as unknown as RootContent;
}

function item(tag: 'dt' | 'dd', children: PhrasingContent[]): RootContent {
  return { type: 'paragraph', data: { hName: tag }, children: trimLine(children) };
}

function trimLine(line: PhrasingContent[]): PhrasingContent[] {
  const head = line[0];
  if (head?.type === 'text') head.value = head.value.replace(/^[ \t]+/, '');
  const tail = line.at(-1);
  if (tail?.type === 'text') tail.value = tail.value.replace(/[ \t]+$/, '');
  return line.filter((n) => n.type !== 'text' || n.value !== '');
}

/** A paragraph's inline content, line by line (text split at its newlines). */
function splitLines(children: PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines.at(-1)?.push(child);
      continue;
    }
    child.value.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines.at(-1)?.push({ type: 'text', value: part });
    });
  }
  return lines;
}
