/**
 * kramdown tables (parser/kramdown/table.rb) where GFM sees none: rows of `|`-separated
 * cells with no header line (a body only), separator lines anywhere (`|---` after the first
 * rows makes them the header, later ones start a new body), rows of uneven length padded.
 * CommonMark leaves such lines as one paragraph; this pass turns that paragraph into a table
 * whose cells are read as span-level Markdown, like kramdown's.
 */
import type { Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import type { Processor } from 'unified';

const SEPARATOR = /^[ \t]*[+|: \t-]*-[+|: \t-]*$/;
const ALIGN = /[ \t]?(:?)-+(:?)[ \t]?/g;

type Group = 'thead' | 'tbody';
/** Where a cell's text starts in the page source (line, column and offset, all 0-based). */
interface At {
  line: number;
  column: number;
  offset: number;
}
type ParseInline = (text: string, at: At | undefined) => PhrasingContent[];
export interface KramdownTableData {
  /** Row-group of each row, and where a new group starts. */
  groups: { type: Group; start: number }[];
}

export default function remarkKramdownTables(this: Processor) {
  const parseInline: ParseInline = (text, at) => {
    const safe = protectBlockStart(text);
    const root = this.parse(safe) as Root;
    const first = root.children[0];
    const nodes = first?.type === 'paragraph' ? first.children : [];
    // Later passes read the page source at each node's offsets: make them the page's.
    for (const n of nodes) relocate(n, safe === text ? at : undefined);
    return nodes;
  };
  return (tree: Root, file: { value?: unknown }): void => {
    const lines = String(file.value ?? '').split('\n');
    walk(tree, lines, parseInline);
  };
}

function walk(node: { children: RootContent[] }, lines: string[], parseInline: ParseInline): void {
  const out: RootContent[] = [];
  for (const child of node.children) {
    const prev = out.at(-1);
    // kramdown reads on where GFM starts a table of its own on the next line: one table.
    if (child.type === 'table' && prev && isKramdownTable(prev) && touching(prev, child)) {
      const joined = toTable(span(prev, child), lines, parseInline);
      if (joined) {
        out[out.length - 1] = joined;
        continue;
      }
    }
    // A separator line over a table's first row starts no row of its own: kramdown skips it.
    if (child.type === 'table' && prev && isSeparatorParagraph(prev) && touching(prev, child)) {
      out.pop();
    }
    if (child.type === 'paragraph') {
      out.push(toTable(child, lines, parseInline) ?? child);
      continue;
    }
    if ('children' in child && child.type !== 'table') walk(child as never, lines, parseInline);
    out.push(child);
  }
  node.children = out;
}

function isKramdownTable(node: RootContent): boolean {
  return (
    node.type === 'table' &&
    (node.data as { kramdown?: unknown } | undefined)?.kramdown !== undefined
  );
}

function isSeparatorParagraph(node: RootContent): boolean {
  const only =
    node.type === 'paragraph' && node.children.length === 1 ? node.children[0] : undefined;
  return only?.type === 'text' && only.value.includes('|') && SEPARATOR.test(only.value);
}

function touching(a: RootContent, b: RootContent): boolean {
  return !!a.position && !!b.position && a.position.end.line + 1 === b.position.start.line;
}

function span(a: RootContent, b: RootContent): Pick<Paragraph, 'position'> {
  return {
    position:
      a.position && b.position ? { start: a.position.start, end: b.position.end } : undefined,
  };
}

function toTable(
  p: Pick<Paragraph, 'position'>,
  lines: string[],
  parseInline: ParseInline,
): Table | undefined {
  const pos = p.position;
  if (!pos) return undefined;
  const source = lines.slice(pos.start.line - 1, pos.end.line);
  let offset = pos.start.offset ?? 0;
  offset -= pos.start.column - 1;
  if (source.length === 0 || !source.every(isTableLine)) return undefined;
  if (pos.start.column === 1 && !blockBoundary(lines[pos.end.line])) return undefined;
  const rows: TableRow[] = [];
  const groups: KramdownTableData['groups'] = [];
  let align: Table['align'] = [];
  let sawHeader = false;
  for (const [k, line] of source.entries()) {
    const lineStart = offset;
    offset += line.length + 1;
    if (SEPARATOR.test(line) && line.includes('-')) {
      if (rows.length === 0) continue;
      if (!sawHeader) {
        sawHeader = true;
        for (const g of groups) g.type = 'thead';
        align = [...line.matchAll(ALIGN)].map(([, l, r]) =>
          l && r ? 'center' : l ? 'left' : r ? 'right' : null,
        );
        groups.push({ type: 'tbody', start: rows.length });
      } else groups.push({ type: 'tbody', start: rows.length });
      continue;
    }
    if (groups.length === 0) groups.push({ type: 'tbody', start: 0 });
    rows.push({
      type: 'tableRow',
      children: cellsAt(line).map(({ text, column }) => ({
        type: 'tableCell',
        children: parseInline(
          text,
          column < 0
            ? undefined
            : { line: pos.start.line - 1 + k, column, offset: lineStart + column },
        ),
      })),
    });
  }
  if (rows.length === 0) return undefined;
  const columns = Math.max(...rows.map((r) => r.children.length));
  for (const row of rows) {
    while (row.children.length < columns) row.children.push({ type: 'tableCell', children: [] });
  }
  const data: KramdownTableData = { groups };
  return { type: 'table', align, children: rows, position: pos, data: { kramdown: data } as never };
}

/**
 * kramdown keeps a table only where a block boundary follows it (a blank line, the end, an
 * end-of-block marker or an IAL line); where, say, a list item interrupts it at the top
 * level, the lines are a paragraph. (Inside a list item or a quote the container ends it.)
 */
function blockBoundary(next: string | undefined): boolean {
  // A table line after it: the rows go on in a GFM table that `walk` joins to this one.
  if (next === undefined || next.trim() === '' || isTableLine(next)) return true;
  return /^(?:\^|<!-- -->|\{:)/.test(next);
}

/** kramdown's table line: starts with `|`, or holds a `|` that is not escaped. */
function isTableLine(line: string): boolean {
  return /^ {0,3}\|/.test(line) || /(^|[^\\])\|/.test(line.replace(/`[^`]*`/g, ''));
}

/** The cells of a row: pipes outside code spans and not escaped split it. */
export function splitCells(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let cell = '';
  let ticks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '`') ticks = ticks ? 0 : 1;
    if (c === '\\' && text[i + 1] === '|') {
      // kramdown keeps the backslash inside a code span.
      cell += ticks ? '\\|' : '|';
      i++;
      continue;
    }
    if (c === '|' && !ticks) {
      cells.push(cell.trim());
      cell = '';
      continue;
    }
    cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** Each cell's text with its column in the line (-1 when escapes changed it). */
function cellsAt(line: string): { text: string; column: number }[] {
  let from = 0;
  return splitCells(line).map((text) => {
    const column = text ? line.indexOf(text, from) : -1;
    if (column >= 0) from = column + text.length;
    return { text, column };
  });
}

interface Positioned {
  position?: { start: Point; end: Point };
  children?: Positioned[];
}
interface Point {
  line: number;
  column: number;
  offset?: number;
}

function relocate(node: Positioned, at: At | undefined): void {
  if (node.position && at) {
    for (const p of [node.position.start, node.position.end]) {
      if (p.line === 1) p.column += at.column;
      p.line += at.line;
      p.offset = (p.offset ?? 0) + at.offset;
    }
  } else delete node.position;
  for (const c of node.children ?? []) relocate(c, at);
}

/** A cell is span-level text: a leading `#`, `>`, `-` … must not start a block. */
function protectBlockStart(text: string): string {
  if (/^\d+[.)]/.test(text)) return text.replace(/^(\d+)([.)])/, '$1\\$2');
  return /^([#>]|[-+*][ \t]|[=-]+$)/.test(text) ? `\\${text}` : text;
}
