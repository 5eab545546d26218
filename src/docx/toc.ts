/**
 * The contents: a real TOC field (Word can update it) whose cached result is already filled
 * with one entry per heading, so Word and LibreOffice show the contents on opening, before
 * any field update. docx's own TableOfContents writes its entries differently from what we
 * need (own _Toc bookmarks, global counters), so the field is written here as WordprocessingML
 * and put in place of a placeholder paragraph when the package is finalised (package.ts).
 * Page numbers are PAGEREF fields to the heading bookmarks; their cached text is left
 * empty (we do not lay out pages): Word fills them in when the field is updated. Until then
 * a dot leader would run into nothing, so the cached entries have a plain tab stop; Word
 * puts its usual dotted leader back when it regenerates the field.
 */
import type { TocEntry } from './context.js';
import { S, TEXT_WIDTH_TWIPS } from './styles.js';

export const TOC_PLACEHOLDER = 'HB_TOC_FIELD_PLACEHOLDER';

export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const run = (inner: string) => `<w:r>${inner}</w:r>`;
const fld = (type: 'begin' | 'separate' | 'end') => run(`<w:fldChar w:fldCharType="${type}"/>`);
const instr = (text: string) =>
  run(`<w:instrText xml:space="preserve"> ${xmlEscape(text)} </w:instrText>`);

export function tocInstruction(depth: number): string {
  return `TOC \\o "1-${depth}" \\h \\z \\u`;
}

function entryXml(e: TocEntry): string {
  const page = fld('begin') + instr(`PAGEREF ${e.bookmark} \\h`) + fld('separate') + fld('end');
  return (
    `<w:hyperlink w:anchor="${xmlEscape(e.bookmark)}" w:history="1">` +
    run(`<w:t xml:space="preserve">${xmlEscape(e.title)}</w:t>`) +
    run('<w:tab/>') +
    page +
    `</w:hyperlink>`
  );
}

function paragraphXml(level: number, body: string): string {
  return (
    `<w:p><w:pPr><w:pStyle w:val="${S.toc(Math.min(level, 9))}"/>` +
    `<w:tabs><w:tab w:val="right" w:leader="none" w:pos="${TEXT_WIDTH_TWIPS}"/></w:tabs></w:pPr>${body}</w:p>`
  );
}

/** The whole field, in a Table of Contents content control as Word writes it. */
export function tocXml(entries: TocEntry[], depth: number): string {
  const begin = fld('begin') + instr(tocInstruction(depth)) + fld('separate');
  const end = fld('end');
  const paragraphs = entries.length
    ? entries.map((e, i) =>
        paragraphXml(
          e.level,
          (i === 0 ? begin : '') + entryXml(e) + (i === entries.length - 1 ? end : ''),
        ),
      )
    : [paragraphXml(1, begin + end)];
  return (
    `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>` +
    `<w:sdtContent>${paragraphs.join('')}</w:sdtContent></w:sdt>`
  );
}
