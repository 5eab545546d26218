/**
 * Findings in the transform are about expanded, parsed pages, but an editor needs the line
 * in the file they wrote. Liquid has moved lines, so the line is found by searching the
 * source for the text that caused the finding, most specific form first.
 */
import { lineOf } from '../diagnostics.js';
import type { Page, SourceTree } from '../model.js';

export interface Location {
  file: string;
  line?: number;
}

/** The line of a heading: a Markdown heading line holding its text, else any line holding it. */
export function headingLine(raw: string, text: string): number | undefined {
  const lines = raw.split('\n');
  const hit = lines.findIndex((l) => /^\s{0,3}(#{1,6}\s|<h[1-6])/i.test(l) && l.includes(text));
  if (hit >= 0) return hit + 1;
  return text ? lineOf(raw, text) : undefined;
}

/**
 * The line of `needle` where it starts a token (after a bracket, quote, `}` or space), so
 * that `/feedback` is not found inside `https://feedback.example`.
 */
export function tokenLine(text: string, needle: string): number | undefined {
  return tokenLines(text, needle, 1)[0];
}

/** Every line where `needle` starts a token (at most `max` of them), in order. */
export function tokenLines(text: string, needle: string, max = Infinity): number[] {
  const escaped = needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`(?:^|[\\s(\\[<"'}=>])${escaped}`, 'gm');
  const out: number[] = [];
  let line = 1;
  let from = 0;
  for (let m = re.exec(text); m && out.length < max; m = re.exec(text)) {
    // The needle's own start: the match may begin with the newline before it.
    const at = m.index + m[0].length - needle.length;
    for (let i = from; i < at; i++) if (text.charCodeAt(i) === 10) line++;
    from = at;
    out.push(line);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

/**
 * Where a piece of text was written: in the page itself; else in an include the page uses
 * (reported on the page's `include` line); else in a collection document the page shows (a
 * step of a steps timeline); else the page without a line.
 */
export function locate(tree: SourceTree, page: Page, needles: readonly string[]): Location {
  const usable = needles.filter((n) => n.trim().length > 0);
  for (const n of usable) {
    const line = tokenLine(page.raw, n);
    if (line !== undefined) return { file: page.path, line };
  }
  for (const [name, template] of Object.entries(tree.includes)) {
    if (!usable.some((n) => tokenLine(template, n) !== undefined)) continue;
    const line = tokenLine(page.raw, `include ${name}`);
    if (line !== undefined) return { file: page.path, line };
  }
  for (const n of usable) {
    for (const docs of Object.values(tree.collections)) {
      for (const doc of docs) {
        const line = tokenLine(doc.raw, n);
        if (line !== undefined) return { file: doc.path, line };
      }
    }
  }
  return { file: page.path };
}
