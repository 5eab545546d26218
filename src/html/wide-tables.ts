/**
 * Tables too wide for the page at the profile's size. Chromium shrinks every page of a
 * document that holds something wider than the page, so one table whose words cannot stand
 * side by side at 16 pt would set the whole handbook below 16 pt. Such a table is marked
 * (`data-hb-wrap="anywhere"`) and its cells break words instead (profile-css.ts); a table
 * that fits keeps whole words. The test is an estimate from the longest word of each column,
 * generous on purpose: a false alarm costs broken words in one table, a miss costs the book.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import type { PrintProfile } from '../large-print.js';

/** A4 width, mm, and the standard margins when the profile sets none. */
const A4_WIDTH_MM = 210;
const STANDARD_SIDE_MARGINS_MM = 42;
/** Source Sans 3 at its widest (bold capitals and digits count more than lower case), in em. */
const CHAR_EM = 0.55;
/** A cell's padding and borders (profile-css.ts: 0.4rem each side), in em. */
const CELL_EM = 0.9;

export const WRAP_ATTRIBUTE = 'dataHbWrap';

/** Text width of a page in em of the body size. */
export function textWidthEm(profile: PrintProfile): number | undefined {
  if (!profile.sizes) return undefined;
  const m = profile.marginsMm;
  const mm = A4_WIDTH_MM - (m ? m.left + m.right : STANDARD_SIDE_MARGINS_MM);
  return (mm * 72) / 25.4 / profile.sizes.body;
}

export function markWideTables(tree: Root, profile: PrintProfile): void {
  const width = textWidthEm(profile);
  if (width === undefined) return;
  visit(tree, 'element', (el: Element) => {
    if (el.tagName === 'table' && wholeWordsEm(el) > width)
      el.properties[WRAP_ATTRIBUTE] = 'anywhere';
  });
}

/** Narrowest the table can be with every word whole: the sum of its columns' longest words. */
function wholeWordsEm(table: Element): number {
  const columns: number[] = [];
  visit(table, 'element', (tr: Element) => {
    if (tr.tagName !== 'tr') return;
    let col = 0;
    for (const cell of tr.children) {
      if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      const span = Number(cell.properties.colSpan ?? 1) || 1;
      // A spanning cell's words are shared by its columns.
      const each = longestWord(cell) / span;
      for (let k = 0; k < span; k++, col++) columns[col] = Math.max(columns[col] ?? 0, each);
    }
  });
  return columns.reduce((sum, chars) => sum + chars * CHAR_EM + CELL_EM, 0);
}

/** Characters of the longest word outside links and code (those break anywhere already). */
function longestWord(node: Element | ElementContent): number {
  if (node.type === 'text') {
    return Math.max(0, ...node.value.split(/[\s\u2010-\u2014/-]+/).map((w) => [...w].length));
  }
  if (node.type !== 'element' || node.tagName === 'a' || node.tagName === 'code') return 0;
  return Math.max(0, ...node.children.map(longestWord));
}
