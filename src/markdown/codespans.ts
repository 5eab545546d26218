/**
 * kramdown's lone backtick: a single `` ` `` with white space on both sides is a literal
 * backtick, not the start of a code span (CommonMark would pair it with the next one). It is
 * escaped so that both read it as text. Code spans are followed as kramdown reads them, so a
 * backtick inside one is left alone; a blank line ends any span left open.
 */
import { fencedLines, isBlank } from './source-lines.js';

const INDENTED = /^(?: {4}|\t)/;

export function loneBackticks(markdown: string): string {
  if (!/(?:^|\s)`(?:\s|$)/m.test(markdown)) return markdown;
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  let open: string | undefined;
  return lines
    .map((line, i) => {
      if (isBlank(line)) open = undefined;
      if (fenced[i] || INDENTED.test(line) || /^\s*</.test(line)) return line;
      const result = escapeLine(line, open);
      open = result.open;
      return result.line;
    })
    .join('\n');
}

function escapeLine(line: string, open: string | undefined): { line: string; open?: string } {
  let out = '';
  let i = 0;
  while (i < line.length) {
    const c = line[i] ?? '';
    if (c === '\\' && open === undefined) {
      out += line.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (c !== '`') {
      out += c;
      i++;
      continue;
    }
    let run = '`';
    while (line[i + run.length] === '`') run += '`';
    i += run.length;
    if (open !== undefined) {
      if (run === open) open = undefined;
    } else if (run === '`' && /\s/.test(line[i - 2] ?? ' ') && /\s/.test(line[i] ?? ' ')) {
      run = '\\`';
    } else open = run;
    out += run;
  }
  return { line: out, open };
}
