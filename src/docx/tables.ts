/**
 * GFM / HTML tables. Header rows (thead, or rows of th only) are marked `tableHeader`, so
 * Word repeats them on every page (`w:tblHeader`) and screen readers announce them.
 * Borders come from the HandbookTable style and are also set on the table itself, for
 * readers that ignore table styles.
 */
import {
  BorderStyle,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
  type FileChild,
} from 'docx';
import type { Element } from 'hast';
import type { BlockEnv, RenderContext } from './context.js';
import { renderBlocks } from './blocks.js';
import { childElements, isElement, isInline, prop } from './hast.js';
import { S } from './styles.js';

interface RowInfo {
  tr: Element;
  header: boolean;
}

/** Rows in order, with whether each is a header row. */
export function tableRows(table: Element): RowInfo[] {
  const rows: RowInfo[] = [];
  for (const part of table.children) {
    if (!isElement(part)) continue;
    if (part.tagName === 'tr') rows.push({ tr: part, header: isHeaderRow(part) });
    else if (['thead', 'tbody', 'tfoot'].includes(part.tagName)) {
      for (const tr of childElements(part, 'tr'))
        rows.push({ tr, header: part.tagName === 'thead' || isHeaderRow(tr) });
    }
  }
  // Only a leading run of header rows can repeat in Word.
  let leading = true;
  return rows.map((r) => {
    leading = leading && r.header;
    return { ...r, header: leading };
  });
}

function isHeaderRow(tr: Element): boolean {
  const cells = childElements(tr, 'td', 'th');
  return cells.length > 0 && cells.every((c) => c.tagName === 'th');
}

function cellParagraphs(cell: Element, ctx: RenderContext): FileChild[] {
  const cellEnv: BlockEnv = { listDepth: 0, style: S.tableText };
  // Header cells are bold through the table style's first-row formatting and explicitly.
  const children =
    cell.tagName === 'th'
      ? [{ type: 'element' as const, tagName: 'strong', properties: {}, children: cell.children }]
      : cell.children;
  const blocks = cell.children.every(isInline)
    ? renderBlocks([{ type: 'element', tagName: 'p', properties: {}, children }], ctx, cellEnv)
    : renderBlocks(cell.children, ctx, cellEnv);
  // A cell must hold a paragraph, even an empty one (this is not a spacer).
  return blocks.length ? blocks : [new Paragraph({ style: S.tableText })];
}

const line = { style: BorderStyle.SINGLE, size: 4, color: '425563' };

/** The rules of every table in the Word handbook (body tables and the version history). */
export const TABLE_BORDERS = {
  top: line,
  bottom: line,
  left: line,
  right: line,
  insideHorizontal: line,
  insideVertical: line,
};

export function renderTable(table: Element, ctx: RenderContext): Table | undefined {
  const rows = tableRows(table);
  if (rows.length === 0) return undefined;
  return new Table({
    style: S.table,
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TABLE_BORDERS,
    rows: rows.map(
      ({ tr, header }) =>
        new TableRow({
          tableHeader: header || undefined,
          cantSplit: true,
          children: childElements(tr, 'td', 'th').map(
            (cell) =>
              new TableCell({
                children: cellParagraphs(cell, ctx) as (Paragraph | Table)[],
                columnSpan:
                  Number(prop(cell, 'colSpan') ?? 1) > 1
                    ? Number(prop(cell, 'colSpan'))
                    : undefined,
                rowSpan:
                  Number(prop(cell, 'rowSpan') ?? 1) > 1
                    ? Number(prop(cell, 'rowSpan'))
                    : undefined,
                shading: header ? { fill: 'E8F0F8', type: 'clear', color: 'auto' } : undefined,
              }),
          ),
        }),
    ),
  });
}
