/**
 * More text-level kramdown block rules (see kramdown-text.ts): where kramdown ends or nests
 * a block that CommonMark would continue, and the difference is in the block syntax itself.
 */
import { fencedLines, isBlank } from './source-lines.js';

const TOP_ITEM = /^(?:([*+-])|\d{1,9}[.)])[ \t]+\S/;
const LINK_DEFINITION = /^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S/;
const INDENTED = /^(?: {4}|\t)/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * Under an item of a top-level list, kramdown reads an unindented item of the other kind
 * (`1. a` then `- b`, no blank line between) as a list nested in that item, and goes back to
 * the outer list at its next item of the first kind; CommonMark starts a new list. The
 * nested lines are indented under the item's text so that both read them the same way.
 */
export function nestOtherListKinds(markdown: string): string {
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  let outer: { bullet: boolean; width: number } | undefined;
  let nested = false;
  return lines
    .map((line, i) => {
      if (fenced[i] || isBlank(line)) {
        outer = undefined;
        nested = false;
        return line;
      }
      const m = RULE.test(line) ? null : TOP_ITEM.exec(line);
      if (m) {
        const bullet = m[1] !== undefined;
        if (!outer || bullet === outer.bullet) {
          outer = { bullet, width: m[0].length - 1 };
          nested = false;
          return line;
        }
        nested = true;
      }
      return nested && outer ? `${' '.repeat(outer.width)}${line}` : line;
    })
    .join('\n');
}

/**
 * kramdown's link definition is a block of its own line (with an optional title on the
 * next line): an indented line after it starts a new block, which kramdown reads as code.
 * CommonMark would take it as a paragraph line; a blank line before it keeps them apart.
 * Only definitions that start a block are touched: under a paragraph line both read text.
 */
export function endLinkDefinitions(markdown: string): string {
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  const out: string[] = [];
  let definitions = false;
  lines.forEach((line, i) => {
    if (fenced[i]) definitions = false;
    else if (LINK_DEFINITION.test(line) && (definitions || isBlank(lines[i - 1])))
      definitions = true;
    else if (definitions && INDENTED.test(line) && !/^\s*["'(]/.test(line)) {
      out.push('');
      definitions = false;
    } else if (!/^\s+["'(]/.test(line)) definitions = false;
    out.push(line);
  });
  return out.join('\n');
}
