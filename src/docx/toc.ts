/**
 * The contents page: one paragraph per listed heading (styles TOC1–TOC3), its title linked to
 * the heading's bookmark, then a dot leader and the heading's page as a PAGEREF field.
 *
 * Why page references and not a TOC field: a renderer that lays the pages out computes a
 * PAGEREF itself, so the numbers are right when the document is printed or exported, with
 * nothing for the reader to do and nothing laid out by us. LibreOffice does this for a PAGEREF
 * in running text but shows a TOC field's result as frozen text (it would print the cached
 * numbers, which only a layout engine could have computed at build time). Word shows a field's
 * cached result until it updates fields; `w:updateFields` in settings.xml (package.ts) and
 * `w:dirty` on each field make it update them when the document is opened. So the contents is
 * right in LibreOffice always, and in Word from its first opening; the build stays fast (no
 * LibreOffice round trip), needs nothing installed and gives the same bytes everywhere.
 * Tried: the same entries wrapped in a real TOC field (`TOC \o "1-3" \h \z \u`, as Word writes
 * it) make LibreOffice import the PAGEREFs inside it as frozen text too, so its PDF export
 * printed every entry with no number at all (test/docx/contents-pages.test.ts failed); an
 * empty TOC field beside the entries would make Word's update add a second contents.
 * Trade-off: Word's "Update Table" button is gone (no TOC field to regenerate); the handbook
 * is regenerated from the site, not edited in Word, and new headings need a new build anyway.
 *
 * Only the tree's outline (chapter headings, levels 1–3) is listed. Step titles and card
 * headings have outline levels too (the Navigation Pane and screen readers show them) but
 * are not in ctx.toc, so they never appear here.
 */
import type { TocEntry } from './context.js';
import { S } from './styles.js';

export const TOC_PLACEHOLDER = 'HB_TOC_FIELD_PLACEHOLDER';

export function xmlEscape(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const run = (inner: string) => `<w:r>${inner}</w:r>`;
/** A field character; `w:dirty` asks Word to recompute the field when it opens the file. */
const fld = (type: 'begin' | 'separate' | 'end') =>
  run(`<w:fldChar w:fldCharType="${type}"${type === 'begin' ? ' w:dirty="true"' : ''}/>`);
const instr = (text: string) =>
  run(`<w:instrText xml:space="preserve"> ${xmlEscape(text)} </w:instrText>`);

/** A PAGEREF field to `bookmark`, its cached result empty (a layout engine computes it). */
export function pageRef(bookmark: string): string {
  return fld('begin') + instr(`PAGEREF ${bookmark} \\h`) + fld('separate') + fld('end');
}

function entryXml(e: TocEntry): string {
  return (
    `<w:p><w:pPr><w:pStyle w:val="${S.toc(Math.min(e.level, 9))}"/></w:pPr>` +
    `<w:hyperlink w:anchor="${xmlEscape(e.bookmark)}" w:history="1">` +
    run(`<w:t xml:space="preserve">${xmlEscape(e.title)}</w:t>`) +
    run('<w:tab/>') +
    pageRef(e.bookmark) +
    `</w:hyperlink></w:p>`
  );
}

/** The contents entries, in document order (tab stop and leader come from the TOC styles). */
export function tocXml(entries: TocEntry[]): string {
  return entries.map(entryXml).join('');
}
