/**
 * Line helpers shared by the text-level kramdown passes. Those passes run on the expanded
 * Markdown before remark sees it, and must leave fenced code untouched.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** For each line: is it inside (or a delimiter of) a fenced code block? */
export function fencedLines(lines: readonly string[]): boolean[] {
  const out: boolean[] = [];
  let open: string | undefined;
  for (const line of lines) {
    const m = FENCE.exec(line);
    if (open === undefined) {
      if (m?.[1]) {
        open = m[1];
        out.push(true);
      } else out.push(false);
    } else {
      out.push(true);
      // A closing fence is at least as long as the opening one, same character.
      if (
        m?.[1] &&
        m[1][0] === open[0] &&
        m[1].length >= open.length &&
        line.trim() === m[1].trim()
      ) {
        open = undefined;
      }
    }
  }
  return out;
}

export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

/** A line that starts a list item (bullet or ordered). */
export const LIST_ITEM = /^\s*(?:[*+-]|\d{1,9}[.)])(?:\s|$)/;
