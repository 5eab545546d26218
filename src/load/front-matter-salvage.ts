/**
 * Invalid front matter YAML, read as Jekyll's editors need it: Jekyll logs the error and builds
 * the page anyway (with no front matter at all). We do better for an old release regenerated
 * from history: each top-level `key:` block is parsed on its own, so one bad value (e.g.
 * `subtitle: 'Estimated timeline: 5 days'(varies)`) costs only its own key.
 */
import type { HandbookError } from '../errors.js';
import { parseYaml } from './yaml-file.js';

export interface FrontMatterProblem {
  /** File line of the (first) YAML error. */
  line: number;
  message: string;
  /** Top-level keys whose values could not be read (in file order). */
  lost: string[];
}

/** A top-level key at the start of a line: `title:`, `"my key":`. */
const TOP_KEY = /^(?:"([^"]*)"|'([^']*)'|([^\s#\-?:[\]{},'"][^:]*?))[ \t]*:(?:[ \t]|$)/;

interface Block {
  key: string | undefined;
  start: number;
  text: string;
}

/** Splits the YAML into top-level blocks: a key line and the indented lines that follow it. */
function blocks(yamlText: string): Block[] {
  const out: Block[] = [];
  let current: Block | undefined;
  yamlText.split('\n').forEach((line, i) => {
    const m = TOP_KEY.exec(line);
    if (m) {
      current = { key: (m[1] ?? m[2] ?? m[3] ?? '').trim(), start: i, text: line };
      out.push(current);
    } else if (current) current.text += `\n${line}`;
    else if (line.trim() !== '' && !line.trimStart().startsWith('#'))
      out.push((current = { key: undefined, start: i, text: line }));
  });
  return out;
}

export function salvageFrontMatter(
  yamlText: string,
  file: string,
  error: HandbookError,
  firstLine: number,
): { frontMatter: Record<string, unknown>; problem: FrontMatterProblem } {
  const frontMatter: Record<string, unknown> = {};
  const lost: string[] = [];
  for (const block of blocks(yamlText)) {
    let value: unknown;
    try {
      value = parseYaml(block.text, file, 'FRONT_MATTER', firstLine + block.start).value;
    } catch {
      if (block.key !== undefined) lost.push(block.key);
      continue;
    }
    if (value && typeof value === 'object' && !Array.isArray(value))
      Object.assign(frontMatter, value);
    else if (block.key !== undefined) lost.push(block.key);
  }
  return {
    frontMatter,
    problem: {
      line: error.line ?? firstLine,
      message: error.message.replace(/ at line \d+, column \d+:?$/, ''),
      lost: [...new Set(lost)],
    },
  };
}
