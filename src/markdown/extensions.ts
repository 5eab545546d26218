/**
 * kramdown's extensions in the text: `{::comment}…{:/comment}` (never shown), `{::options …/}`
 * (instructions to the parser, not text) and `{::nomarkdown}…{:/nomarkdown}` (its content
 * passed through as written), plus the end-of-block marker `^` on a line of its own. Block
 * forms keep their line count so that findings keep their source lines.
 */
import { fencedLines } from './source-lines.js';

const OPEN = /\{::(comment|nomarkdown|options)(?:[ \t][^}]*?)?(\/)?\}/g;

export function kramdownExtensions(markdown: string): string {
  if (!markdown.includes('{::') && !/^\^[ \t]*$/m.test(markdown)) return markdown;
  const fenced = fencedLines(markdown.split('\n'));
  const lineOf = (offset: number) => countNewlines(markdown.slice(0, offset));
  let out = '';
  let cursor = 0;
  OPEN.lastIndex = 0;
  for (let m = OPEN.exec(markdown); m; m = OPEN.exec(markdown)) {
    if (fenced[lineOf(m.index)]) continue;
    const [whole, name, selfClosing] = m;
    out += markdown.slice(cursor, m.index);
    cursor = m.index + whole.length;
    if (selfClosing || name === 'options') continue;
    const close = new RegExp(`\\{:/(?:${name})?\\}`, 'g');
    close.lastIndex = cursor;
    const end = close.exec(markdown);
    const stop = end ? end.index : markdown.length;
    const body = markdown.slice(cursor, stop);
    out += name === 'comment' ? '\n'.repeat(countNewlines(body)) : body;
    cursor = end ? end.index + end[0].length : markdown.length;
    OPEN.lastIndex = cursor;
  }
  out += markdown.slice(cursor);
  return endOfBlockMarkers(out);
}

/** `^` alone on a line ends the block before it (a comment line does that for CommonMark). */
function endOfBlockMarkers(markdown: string): string {
  if (!/^\^[ \t]*$/m.test(markdown)) return markdown;
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  return lines.map((l, i) => (!fenced[i] && /^\^[ \t]*$/.test(l) ? '<!-- -->' : l)).join('\n');
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}
