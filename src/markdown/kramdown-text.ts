/**
 * Text-level kramdown compatibility, applied to the expanded Markdown before remark parses
 * it. These are the places where kramdown (GFM input, as Jekyll runs it) accepts a
 * construct that CommonMark reads differently, and the difference is in the block or
 * link syntax itself, so it cannot be repaired on the tree afterwards.
 */
import { IAL_LINE } from './attribute-list.js';
import { fencedLines, isBlank, LIST_ITEM } from './source-lines.js';

const ORDERED_START = /^ {0,3}\d{1,9}[.)][ \t]+\S/;
const ONE = /^ {0,3}0*1[.)]/;

/**
 * kramdown starts a list on the line after a paragraph line, whatever its first number;
 * CommonMark lets only `1.` interrupt a paragraph. A blank line before such a list makes
 * both read it the same way. Only plain top-level paragraphs are touched: inside a list the
 * line is a further item of that list already.
 */
export function separateOrderedLists(markdown: string): string {
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (
      !fenced[i] &&
      ORDERED_START.test(line) &&
      !ONE.test(line) &&
      followsPlainParagraph(lines, fenced, i)
    ) {
      out.push('');
    }
    out.push(line);
  }
  return out.join('\n');
}

function followsPlainParagraph(
  lines: readonly string[],
  fenced: readonly boolean[],
  i: number,
): boolean {
  if (isBlank(lines[i - 1])) return false;
  for (let j = i - 1; j >= 0 && !isBlank(lines[j]); j--) {
    const l = lines[j] ?? '';
    if (fenced[j] || /^\s/.test(l) || LIST_ITEM.test(l) || /^[>#<|]/.test(l)) return false;
  }
  return true;
}

// A rule of `*` or `_` that no list marker starts (`***`, `___`, `_ _ _`; not `* * *`).
const UNLISTED_RULE = /^ {0,3}(?:\*\*[* \t]*|_[_ \t]*)$/;
// A rule or a setext underline: the line before it is no paragraph line.
const ANY_RULE = /^ {0,3}(?:([-*_])(?:[ \t]*\1){2,}|=+|-+)[ \t]*$/;

/**
 * With the GFM parser a paragraph goes on until a blank line or a block that may interrupt
 * it (list, header, quote, fence …); a rule is not one of them. So `***` or `___` right
 * under a paragraph line is text of that paragraph (`* * *` starts like a list item, and
 * does end it). Its first character is escaped so that CommonMark keeps it as text too.
 */
export function rulesInParagraphs(markdown: string): string {
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  return lines
    .map((line, i) => {
      if (fenced[i] || !UNLISTED_RULE.test(line) || (line.match(/[*_]/g)?.length ?? 0) < 3)
        return line;
      if (ANY_RULE.test(lines[i - 1] ?? '') || !followsPlainParagraph(lines, fenced, i))
        return line;
      return line.replace(/[*_]/, (c) => `\\${c}`);
    })
    .join('\n');
}

const BULLET_ITEM = /^([ \t]*)([*+-])([ \t]+\S.*)$/;
const WIDE_ORDERED = /^([ \t]*\d{1,9}[.)]) {5,}(\S.*)$/;

/**
 * kramdown keeps one list going when its items change bullet (`*` then `-` then `+`);
 * CommonMark starts a new list at each change. Each item of a list is given the bullet of
 * the list's first item at that indentation. A list ends where an unindented line follows a
 * blank one, as in both readers. An item whose text stands 5 or more spaces after its bullet
 * (and that has no indented line under it) is given one space: kramdown reads text there.
 */
export function sameBullets(markdown: string): string {
  if (!/^[ \t]*[*+-][ \t]/m.test(markdown)) return markdown;
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  const bullets = new Map<string, string>();
  return lines
    .map((line, i) => {
      if (fenced[i]) return line;
      const m = ANY_RULE.test(line) ? null : BULLET_ITEM.exec(line);
      if (!m) {
        if (!isBlank(line) && !/^\s/.test(line) && isBlank(lines[i - 1])) bullets.clear();
        const wide = WIDE_ORDERED.exec(line);
        return wide && !/^\s/.test(lines[i + 1] ?? '') ? `${wide[1]} ${wide[2]}` : line;
      }
      const [, indent = '', bullet = '', rest = ''] = m;
      for (const k of bullets.keys()) if (k.length > indent.length) bullets.delete(k);
      const first = bullets.get(indent);
      if (first === undefined) bullets.set(indent, bullet);
      const mark = first ?? bullet;
      // `*      text`: kramdown's item text; CommonMark's indented code (5+ spaces after `*`).
      const text =
        / {5,}/y.test(rest) && !/^\s/.test(lines[i + 1] ?? '') ? ` ${rest.trimStart()}` : rest;
      return mark === bullet && text === rest ? line : `${indent}${mark}${text}`;
    })
    .join('\n');
}

/** `](dest)` whose destination holds spaces (and no title): CommonMark leaves it as text. */
const SPACED_DESTINATION = /\]\(\s*([^\s()<>"'][^()<>"'\n]*?)\s*\)/g;

/**
 * kramdown accepts `[text](/guide/some page)` and `[text]( /guide/x#a )`. CommonMark accepts
 * the second but not the first; a `<…>` destination may hold spaces in both, so a spaced
 * destination is wrapped in angle brackets.
 */
export function bracketSpacedDestinations(markdown: string): string {
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  return lines
    .map((line, i) =>
      fenced[i] || !line.includes('](')
        ? line
        : line.replace(SPACED_DESTINATION, (whole, dest: string) =>
            /\s/.test(dest) && !inCodeSpan(line, line.indexOf(whole)) ? `](<${dest}>)` : whole,
          ),
    )
    .join('\n');
}

function inCodeSpan(line: string, at: number): boolean {
  let ticks = 0;
  for (let i = 0; i < at; i++) if (line.charCodeAt(i) === 96) ticks++;
  return ticks % 2 === 1;
}

/**
 * kramdown ends a list at an unindented IAL line (`* b` / `{: .x}`) and applies the IAL to
 * it; CommonMark reads the IAL as a lazy line and, across a blank line, would merge the next
 * list into this one, or take an indented block after it (code, to kramdown) into the last
 * item. An empty comment after the IAL keeps them apart (the comment is dropped later).
 */
export function endListsAtIal(markdown: string): string {
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    if (fenced[i] || !/^\{/.test(line) || !IAL_LINE.test(line) || isBlank(lines[i - 1])) return;
    let j = i + 1;
    while (j < lines.length && isBlank(lines[j])) j++;
    if (j === i + 1) return;
    const next = lines[j] ?? '';
    if (LIST_ITEM.test(next) || (/^[ \t]/.test(next) && endsList(lines, i)))
      out.push('', '<!-- -->');
  });
  return out.join('\n');
}

/** Is the block that line `i` closes a list (its first line a list item)? */
function endsList(lines: readonly string[], i: number): boolean {
  let k = i - 1;
  while (k > 0 && !isBlank(lines[k - 1])) k--;
  return LIST_ITEM.test(lines[k] ?? '');
}

/**
 * kramdown reads `<<` as a guillemet before it looks for HTML, so `<<name>>` is «name»;
 * CommonMark would read `<name>` as a tag. The pair is written as an entity first.
 */
export function guillemetsBeforeTags(markdown: string): string {
  if (!markdown.includes('<<')) return markdown;
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  return lines
    .map((line, i) =>
      fenced[i] || !line.includes('<<')
        ? line
        : line.replace(/(^|[^\\<])<<(?=[A-Za-z])/g, (whole, before: string, at: number) =>
            inCodeSpan(line, at) ? whole : `${before}&laquo;`,
          ),
    )
    .join('\n');
}
