/**
 * Every style of the Word handbook, defined once. The renderer only names style ids (the
 * `S` constants); the look lives here. Spacing comes from the styles, never from empty
 * paragraphs, so screen readers do not announce "blank" between blocks.
 */
import { characterStyles } from './character-styles.js';
import type { WordProfile } from './profile.js';
import { BorderStyle, LineRuleType, ShadingType, TabStopType, type IStylesOptions } from 'docx';

/** Deepest list level with its own continuation style (Word has List Continue 1–5). */
const MAX_CONTINUE = 5;

/** Style ids used by the renderer. Built-in ids (Heading1, TOC1 …) keep Word's names. */
export const S = {
  title: 'Title',
  subtitle: 'Subtitle',
  coverDetail: 'CoverDetail',
  partTitle: 'PartTitle',
  heading: (level: number) => `Heading${Math.min(Math.max(level, 1), 6)}`,
  tocHeading: 'TOCHeading',
  toc: (level: number) => `TOC${level}`,
  normal: 'Normal',
  listParagraph: 'ListParagraph',
  card: 'CareCard',
  cardHeading: 'CareCardHeading',
  inset: 'Inset',
  stepTitle: 'StepTitle',
  stepSubtitle: 'StepSubtitle',
  action: 'ActionLink',
  reference: 'Reference',
  quote: 'Quote',
  code: 'CodeBlock',
  caption: 'Caption',
  tableText: 'TableText',
  header: 'Header',
  footer: 'Footer',
  stepText: 'StepText',
  listContinue: (level: number) =>
    level <= 1 ? 'ListContinue' : `ListContinue${Math.min(level, MAX_CONTINUE)}`,
  hyperlink: 'Hyperlink',
  refNote: 'ReferenceNote',
  refUrl: 'ReferenceURL',
  refMissing: 'ReferenceMissing',
  codeChar: 'CodeChar',
  strong: 'Strong',
  emphasis: 'Emphasis',
  table: 'HandbookTable',
} as const;

export const FONT = 'Arial';
export const MONO = 'Courier New';
export const BLUE = '005EB8';
export const PALE = 'E8F0F8';
export const GREY = '425563';
/** The HTML's secondary text and rule colours (styles/base.css). */
export const SECONDARY = '4C6272';
const RULE = 'AEB7BD';
/** Width of the text column on A4 with 1" margins, in twips (for right tab stops). */
export const TEXT_WIDTH_TWIPS = 9026;
/** Indent of one list level, in twips; continuation paragraphs line up with it. */
export const LIST_INDENT = 720;
/** Left indents of the boxes (twips). Every paragraph of a box keeps its box's indent. */
export const CARD_INDENT = 170;
export const INSET_INDENT = 284;

const boxBorder = { style: BorderStyle.SINGLE, size: 8, color: BLUE, space: 4 };
const box = { top: boxBorder, bottom: boxBorder, left: boxBorder, right: boxBorder };
const pale = { type: ShadingType.CLEAR, color: 'auto', fill: PALE };

function heading(p: WordProfile, level: number, sizePt: number, before: number) {
  return {
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: {
      font: FONT,
      size: p.size(sizePt, { heading: level }),
      bold: true,
      color: level === 1 ? BLUE : '212B32',
    },
    // outlineLevel is what the navigation pane and screen readers' heading lists read. A
    // chapter (Heading 1) starts a new page through its style (styles-xml.ts), not a break.
    paragraph: {
      outlineLevel: level - 1,
      keepNext: true,
      keepLines: true,
      spacing: { before, after: 120 },
    },
  };
}

/** The styles for one print profile (src/docx/profile.ts): sizes, spacing and emphasis. */
export function handbookStyles(language: string, p: WordProfile): IStylesOptions {
  return {
    default: {
      document: {
        // en-GB (hb.meta.language) in docDefaults: spell-check and screen readers use it.
        run: {
          font: FONT,
          size: p.size(11),
          language: { value: language, eastAsia: language, bidirectional: language },
        },
        // lineRule must be explicit: LibreOffice reads a bare w:line as an exact height, and
        // two-line headings and titles then overprint each other.
        paragraph: { spacing: { after: 120, line: p.line(276), lineRule: LineRuleType.AUTO } },
      },
    },
    paragraphStyles: [
      { id: 'Normal', name: 'Normal', quickFormat: true, run: { font: FONT, size: p.size(11) } },
      {
        id: S.title,
        name: 'Title',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: p.size(28, 'title'), bold: true, color: BLUE },
        paragraph: { spacing: { before: 2400, after: 240 } },
      },
      {
        id: S.subtitle,
        name: 'Subtitle',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { size: p.size(16, 'subtitle'), color: GREY },
        paragraph: { spacing: { after: 360 }, keepNext: true },
      },
      // A part's divider page: not a heading, so chapter titles stay Heading 1 either way.
      {
        id: S.partTitle,
        name: 'Part Title',
        basedOn: 'Normal',
        run: { size: p.size(22, { heading: 1 }), bold: true, color: BLUE },
        paragraph: { spacing: { before: 2400 } },
      },
      {
        id: S.coverDetail,
        name: 'Cover Detail',
        basedOn: 'Normal',
        run: { size: p.size(12) },
        paragraph: { spacing: { after: 80 } },
      },
      heading(p, 1, 20, 0),
      heading(p, 2, 16, 360),
      heading(p, 3, 13, 240),
      heading(p, 4, 11, 200),
      heading(p, 5, 11, 160),
      heading(p, 6, 11, 160),
      // No outline level: the contents heading must not list itself.
      {
        id: S.tocHeading,
        name: 'TOC Heading',
        basedOn: 'Normal',
        next: 'Normal',
        run: { size: p.size(20, { heading: 1 }), bold: true, color: BLUE },
        paragraph: { spacing: { after: 240 } },
      },
      ...[1, 2, 3].map((l) => ({
        id: S.toc(l),
        name: `toc ${l}`,
        basedOn: 'Normal',
        next: 'Normal',
        run: l === 1 ? { bold: true } : {},
        // The page number sits at the right margin after a dotted leader.
        paragraph: {
          indent: { left: (l - 1) * 360 },
          spacing: { before: l === 1 ? 120 : 0, after: 60 },
          tabStops: [
            { type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS, leader: 'dot' as const },
          ],
        },
      })),
      {
        id: S.listParagraph,
        name: 'List Paragraph',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { spacing: { after: 60 } },
      },
      {
        id: S.card,
        name: 'Care Card',
        basedOn: 'Normal',
        quickFormat: true,
        // keepLines + keepNext on every paragraph but the last keeps the box on one page.
        // Paragraphs with the same border join into one box, the space between them inside
        // it; the last one's space after falls outside, so the next paragraph never touches.
        paragraph: {
          border: box,
          shading: pale,
          keepLines: true,
          indent: { left: CARD_INDENT, right: 170 },
          spacing: { after: 120 },
        },
      },
      {
        id: S.cardHeading,
        name: 'Care Card Heading',
        basedOn: S.card,
        next: S.card,
        quickFormat: true,
        run: { bold: true, size: p.size(13), color: BLUE },
        paragraph: { keepNext: true, spacing: { before: 240, after: 60 } },
      },
      {
        id: S.inset,
        name: 'Inset',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: {
          border: { left: { style: BorderStyle.THICK, size: 24, color: BLUE, space: 8 } },
          shading: pale,
          keepLines: true,
          indent: { left: INSET_INDENT, right: 170 },
          spacing: { after: 120 },
        },
      },
      {
        id: S.stepTitle,
        name: 'Step Title',
        basedOn: 'Normal',
        next: 'Normal',
        quickFormat: true,
        run: { bold: true, size: p.size(12), color: BLUE },
        paragraph: { keepNext: true, spacing: { before: 200, after: 60 } },
      },
      // A step's text, lined up under its title's text (the number hangs to the left).
      {
        id: S.stepText,
        name: 'Step Text',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { indent: { left: LIST_INDENT } },
      },
      // Further paragraphs of a list item, lined up with the item's text at each depth.
      ...[1, 2, 3, 4, 5].map((l) => ({
        id: S.listContinue(l),
        name: l === 1 ? 'List Continue' : `List Continue ${l}`,
        basedOn: 'Normal',
        paragraph: { indent: { left: LIST_INDENT * l }, spacing: { after: 60 } },
      })),
      {
        id: S.stepSubtitle,
        name: 'Step Subtitle',
        basedOn: 'Normal',
        run: { ...p.slant, color: GREY },
        paragraph: { keepNext: true, indent: { left: LIST_INDENT } },
      },
      {
        id: S.action,
        name: 'Action Link',
        basedOn: 'Normal',
        run: { bold: true },
        paragraph: { spacing: { before: 120, after: 240 } },
      },
      {
        id: S.reference,
        name: 'Reference',
        basedOn: 'Normal',
        paragraph: { keepLines: true, spacing: { after: 160 } },
      },
      {
        id: S.quote,
        name: 'Quote',
        basedOn: 'Normal',
        // As in the HTML and PDF: a grey rule on the left and secondary text, not italics.
        run: { color: SECONDARY },
        paragraph: {
          border: { left: { style: BorderStyle.SINGLE, size: 18, color: RULE, space: 8 } },
          indent: { left: INSET_INDENT, right: 567 },
        },
      },
      {
        id: S.code,
        name: 'Code Block',
        basedOn: 'Normal',
        run: { font: MONO, size: p.size(9.5) },
        paragraph: {
          spacing: { after: 120, line: p.line(240), lineRule: LineRuleType.AUTO },
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F0F0F0' },
        },
      },
      {
        id: S.caption,
        name: 'caption',
        basedOn: 'Normal',
        run: { ...p.slant, size: p.size(10), color: GREY },
      },
      {
        id: S.tableText,
        name: 'Table Text',
        basedOn: 'Normal',
        paragraph: { spacing: { before: 40, after: 40 } },
      },
      { id: S.header, name: 'header', basedOn: 'Normal', run: { size: p.size(9), color: GREY } },
      { id: S.footer, name: 'footer', basedOn: 'Normal', run: { size: p.size(9), color: GREY } },
    ],
    characterStyles: characterStyles(p),
  };
}
