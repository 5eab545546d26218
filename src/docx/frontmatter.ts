/**
 * Cover, document control (version history) and the contents page, then the per-chapter
 * opening (title with its bookmark, subtitle), and the running header and footer.
 */
import {
  Footer,
  Header,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { Chapter, Handbook } from '../model.js';
import type { RenderContext } from './context.js';
import { chapterHeading } from '../chapter-heading.js';
import { formatDate } from '../dates.js';
import { bookmarked } from './paragraph.js';
import { S, TEXT_WIDTH_TWIPS } from './styles.js';
import { TABLE_BORDERS } from './tables.js';
import { TOC_PLACEHOLDER } from './toc.js';
import { editionControl, editionCoverDetails, editionCoverTop } from '../editions/docx.js';

export const DOC_CONTROL_ID = 'hb-document-control';
export const VERSION_HISTORY_ID = 'hb-version-history';

export function cover(hb: Handbook, ctx: RenderContext): Paragraph[] {
  const { meta } = hb;
  const detail = (text: string) =>
    new Paragraph({ style: S.coverDetail, children: [new TextRun(text)] });
  return [
    ...editionCoverTop(hb, ctx),
    new Paragraph({ style: S.title, children: [new TextRun(meta.title)] }),
    ...(meta.subtitle
      ? [new Paragraph({ style: S.subtitle, children: [new TextRun(meta.subtitle)] })]
      : []),
    ...(meta.organisation ? [detail(meta.organisation)] : []),
    detail(`Version ${meta.version}`),
    detail(formatDate(meta.date)),
    ...editionCoverDetails(hb),
  ];
}

function historyTable(hb: Handbook): Table {
  const hasAuthor = hb.releases.some((r) => r.author);
  const hasApprover = hb.releases.some((r) => r.approver);
  const columns = [
    'Version',
    'Date',
    'Summary',
    ...(hasAuthor ? ['Author'] : []),
    ...(hasApprover ? ['Approved by'] : []),
  ];
  const cell = (text: string, bold = false) =>
    new TableCell({
      children: [
        new Paragraph({
          style: S.tableText,
          children: text ? [new TextRun({ text, style: bold ? S.strong : undefined })] : [],
        }),
      ],
    });
  // Narrow version and date columns leave the summary room to read as a sentence.
  const fixed: Record<string, number> = {
    Version: 1150,
    Date: 2250,
    Author: 1450,
    'Approved by': 1450,
  };
  const used = columns.reduce((n, c) => n + (fixed[c] ?? 0), 0);
  const columnWidths = columns.map((c) => fixed[c] ?? TEXT_WIDTH_TWIPS - used);
  return new Table({
    style: S.table,
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths,
    borders: TABLE_BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: columns.map((c) => cell(c, true)),
      }),
      ...hb.releases.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(r.version),
              cell(formatDate(r.date)),
              cell(r.summary),
              ...(hasAuthor ? [cell(r.author ?? '')] : []),
              ...(hasApprover ? [cell(r.approver ?? '')] : []),
            ],
          }),
      ),
    ],
  });
}

/** Document control page, then the contents page (a placeholder the package step fills). */
export function documentControlAndContents(hb: Handbook, ctx: RenderContext): FileChild[] {
  const bookmark = ctx.bookmarks.get(DOC_CONTROL_ID);
  if (bookmark) ctx.toc.push({ title: 'Document control', level: 1, bookmark });
  const out: FileChild[] = [
    new Paragraph({
      style: S.heading(1),
      children: bookmarked([new TextRun('Document control')], [DOC_CONTROL_ID], ctx),
    }),
    new Paragraph({
      children: [
        new TextRun({ text: 'Current version: ', style: S.strong }),
        new TextRun(`${hb.meta.version}, ${formatDate(hb.meta.date)}`),
      ],
    }),
    ...editionControl(hb),
  ];
  if (hb.releases.length) {
    // A Heading 2 in a 1-3 contents: listed, as Word lists it when it updates the field.
    const history = ctx.bookmarks.get(VERSION_HISTORY_ID);
    if (history) ctx.toc.push({ title: 'Version history', level: 2, bookmark: history });
    out.push(
      new Paragraph({
        style: S.heading(2),
        children: bookmarked([new TextRun('Version history')], [VERSION_HISTORY_ID], ctx),
      }),
      historyTable(hb),
    );
  }
  out.push(
    new Paragraph({
      style: S.tocHeading,
      children: [new TextRun('Contents')],
    }),
    new Paragraph({ children: [new TextRun(TOC_PLACEHOLDER)] }),
  );
  return out;
}

/** A chapter's opening: Heading 1 (its style starts a new page), bookmarked and listed; its subtitle. */
export function chapterOpening(ch: Chapter, ctx: RenderContext): Paragraph[] {
  const title = chapterHeading(ch);
  const bookmark = ctx.bookmarks.get(ch.id);
  if (bookmark) ctx.toc.push({ title, level: 1, bookmark });
  return [
    new Paragraph({
      style: S.heading(1),
      children: bookmarked([new TextRun(title)], [ch.id], ctx),
    }),
    ...(ch.subtitle
      ? [new Paragraph({ style: S.subtitle, children: [new TextRun(ch.subtitle)] })]
      : []),
  ];
}

/** A part's divider page (its chapters follow, each on a new page). */
export function partDivider(part: string): Paragraph {
  return new Paragraph({
    style: S.partTitle,
    children: [new TextRun(part)],
  });
}

/** The cover's header and footer: one empty paragraph each (a part must hold a block). */
export function emptyHeader(): Header {
  return new Header({ children: [new Paragraph({ style: S.header, children: [] })] });
}

export function emptyFooter(): Footer {
  return new Footer({ children: [new Paragraph({ style: S.footer, children: [] })] });
}

export function runningHeader(hb: Handbook): Header {
  return new Header({
    children: [new Paragraph({ style: S.header, children: [new TextRun(hb.meta.title)] })],
  });
}

export function runningFooter(hb: Handbook): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: S.footer,
        children: [
          new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
          new TextRun(`  \u00B7  ${footerOrganisation(hb)}Version ${hb.meta.version}`),
        ],
      }),
    ],
  });
}

/** An edition names its organisation on every page, as the PDF's foot does. */
function footerOrganisation(hb: Handbook): string {
  const org = hb.meta.edition?.organisation?.name;
  return org ? `${org}  \u00B7  ` : '';
}
