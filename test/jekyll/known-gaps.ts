/**
 * KNOWN_KRAMDOWN_GAPS: differences that come from the Markdown stage (remark with kramdown
 * patches, not kramdown yet) and that the kramdown reader (issue 10 item 2, src/markdown/**)
 * removes. Each site lists the constructs it uses that the current reader gets wrong; the fold
 * for a construct removes only that construct's difference. DELETE THIS LIST (and the folds)
 * once the kramdown reader is merged: the tier is then strict everywhere.
 */
import type { Rendered } from './compare.js';

export type Gap =
  /** Span and block IALs (`{: .note }`, `[x](y){:target="_blank"}`) left as text. */
  | 'ial'
  /** A raw `<a href="mailto:…">name@x</a>` whose text is auto-linked a second time. */
  | 'raw-link-autolink'
  /** `markdown="1"` / `markdown="span"` HTML: its Markdown is not parsed. */
  | 'markdown-attribute'
  /** kramdown's typography: ‘ ’ “ ” – — … « » where the source has ' " -- --- ... << >>. */
  | 'typography';

export const KNOWN_KRAMDOWN_GAPS: Record<string, Gap[]> = {};

const TYPOGRAPHY: [RegExp, string][] = [
  [/[\u2018\u2019]/g, "'"],
  [/[\u201c\u201d]/g, '"'],
  [/\u2014/g, '---'],
  [/\u2013/g, '--'],
  [/\u2026/g, '...'],
  [/\u00ab\u00a0?/g, '<<'],
  [/\u00a0?\u00bb/g, '>>'],
];

export function foldGaps(r: Rendered, gaps: Gap[]): Rendered {
  let words = r.words;
  let headings = r.headings;
  let links = r.links;
  let structure = r.structure;
  const text = (f: (s: string) => string): void => {
    words = f(words.join(' ')).split(/\s+/).filter(Boolean);
    headings = headings.map(f).map((h) => h.trim());
  };
  if (gaps.includes('ial')) text((s) => s.replace(/\{:[^}]*\}/g, ' '));
  if (gaps.includes('markdown-attribute')) {
    // The span's emphasis is left as `**` text: drop the markers and the inline structure.
    text((s) => s.replace(/\*\*|`/g, ''));
    structure = structure.filter((t) => !['strong', 'em', 'code'].includes(t));
  }
  if (gaps.includes('typography'))
    text((s) => TYPOGRAPHY.reduce((acc, [re, to]) => acc.replace(re, to), s));
  if (gaps.includes('raw-link-autolink')) links = links.filter((l, i) => links[i - 1] !== l);
  return { ...r, words, headings, links, structure };
}
