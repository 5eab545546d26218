/**
 * The print profile (src/large-print.ts) as CSS, appended after every other sheet so that it
 * wins. The standard profile sets nothing: the stylesheets' own sizes stand and the standard
 * handbook's bytes do not change. A profile with sizes sets the root size to its body size and
 * lifts every text the stylesheets set smaller (tables, notes, captions, code, contents, head
 * and foot) to it; headings take the profile's sizes. Screen and print read the same profile;
 * page geometry only in print.
 */
import type { PrintProfile, ProfileSizes } from '../large-print.js';
import { textWidthEm } from './wide-tables.js';
import type { RenderMode } from './assets.js';

/**
 * Everything styles/*.css sets below 1rem (or that browsers set smaller: sub, sup, small).
 * The screen-reader labels (`.hb-visually-hidden`, 1px and transparent in print) are not text
 * on the page and keep their size.
 */
const SMALLER_THAN_BODY = [
  'body',
  'table',
  'caption',
  'figcaption',
  'code',
  'kbd',
  'samp',
  'small',
  'sub',
  'sup',
  'blockquote',
  '.hb-ref__url',
  '.hb-link-notes__url',
  '.hb-note-ref',
  '.hb-link-notes',
  '.hb-toc__item--level-3',
  '.hb-toc__part',
  '.hb-colophon',
  '.hb-doc-control__history',
  '.hb-cover__description',
  '.hb-cover__meta',
  '.hb-cover__organisation',
];

/** Set in italics by browsers or the stylesheets. */
const ITALIC = [
  'em',
  'i',
  'cite',
  'dfn',
  'var',
  'address',
  '.hb-image-missing',
  '.hb-ref__missing',
];

const MARGIN_BOXES = ['@top-center', '@bottom-left', '@bottom-right'];

export function profileCss(profile: PrintProfile, mode: RenderMode): string {
  const rules: string[] = [];
  if (profile.sizes)
    rules.push(...sizeRules(profile.sizes, profile.lineHeight, textWidthEm(profile)!));
  if (profile.emphasis === 'bold') {
    // Italics are hard to read in large print (RNIB): emphasis is bold instead.
    rules.push(`${ITALIC.join(', ')} { font-style: normal; }`, 'em, i { font-weight: 700; }');
  }
  if (mode === 'print') rules.push(...pageRules(profile));
  return rules.join('\n');
}

/** A column of long words (10 letters) and its cell padding take about 6 em. */
const COLUMN_EM = 6;

function sizeRules(sizes: ProfileSizes, lineHeight: number | undefined, widthEm: number): string[] {
  const columns = Math.max(1, Math.floor(widthEm / COLUMN_EM));
  const rules = [
    // Left aligned, ragged right: never justified, and words are not split at line ends.
    `html { font-size: ${sizes.body}pt;${lineHeight ? ` line-height: ${lineHeight};` : ''} ` +
      'text-align: left; hyphens: manual; }',
    `${SMALLER_THAN_BODY.join(', ')} { font-size: 1rem; }`,
    'p, li, dd, dt, td, th, caption, figcaption, blockquote { text-align: left; }',
    'th, td { overflow-wrap: normal; padding: 0.3rem 0.4rem; }',
    // A table too wide for the page at this size would make Chromium shrink every page to fit
    // it (below the body size): in a table whose words cannot stand whole side by side
    // (wide-tables.ts), or of more columns than fit (the front matter's), a word that cannot
    // fit its cell breaks instead. Tables that fit keep their words whole.
    `table[data-hb-wrap="anywhere"] :is(th, td), table:has(tr > :nth-child(${columns + 1})) :is(th, td) ` +
      '{ overflow-wrap: anywhere; }',
    // The version history's dates may wrap between words: the narrow columns need the room.
    '.hb-doc-control__history td:nth-child(-n + 2) { white-space: normal; }',
    // A contents title that wraps (more do at these sizes) ends with its page number, as
    // readers look for it at the end of the entry.
    '.hb-toc__link { align-items: last baseline; }',
  ];
  sizes.headings.forEach((pt, i) => rules.push(`h${i + 1} { font-size: ${pt}pt; }`));
  rules.push(
    `.hb-chapter__title, .hb-front__heading { font-size: ${sizes.headings[0]}pt; }`,
    `.hb-chapter__subtitle { font-size: ${sizes.headings[2]}pt; }`,
    `.hb-cover__title { font-size: ${sizes.title}pt; }`,
    `.hb-cover__subtitle { font-size: ${sizes.subtitle}pt; }`,
  );
  return rules;
}

function pageRules(profile: PrintProfile): string[] {
  const rules: string[] = [];
  const m = profile.marginsMm;
  const head = profile.sizes
    ? MARGIN_BOXES.map((box) => `${box} { font-size: ${profile.sizes!.body}pt; }`).join(' ')
    : '';
  const margin = m ? `margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm;` : '';
  if (head || margin) rules.push(`@page { ${[margin, head].filter(Boolean).join(' ')} }`);
  if (profile.sizes) {
    // The cover holds larger text in the same page: less room above the title.
    rules.push(
      '.hb-cover__body { padding-top: 16mm; }',
      '.hb-cover__meta { padding-bottom: 16mm; }',
      // The colophon's larger lines would run onto a second back page from 180 mm down.
      '.hb-colophon { padding-top: 40mm; }',
    );
  }
  return rules;
}
