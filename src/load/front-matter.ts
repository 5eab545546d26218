/**
 * Jekyll front matter: a file is a page (or a collection document) only when it starts with a
 * `---` line; the YAML ends at the next `---` (or `...`) line. YAML only: no JavaScript engines.
 */
import { HandbookError } from '../errors.js';
import { parseYaml } from './yaml-file.js';
import { salvageFrontMatter, type FrontMatterProblem } from './front-matter-salvage.js';

export type { FrontMatterProblem } from './front-matter-salvage.js';

export interface FrontMatterResult {
  frontMatter: Record<string, unknown>;
  body: string;
  bodyLine: number;
  /**
   * Invalid YAML: Jekyll logs it and builds the file anyway. We keep every top-level key that
   * still parses on its own; the problem says where the error is and which keys were lost.
   */
  problem?: FrontMatterProblem;
}

const OPEN = /^\uFEFF?---[ \t]*\r?$/;
const CLOSE = /^(---|\.\.\.)[ \t]*\r?$/;

export function hasFrontMatter(raw: string): boolean {
  const first = raw.slice(0, raw.indexOf('\n') < 0 ? raw.length : raw.indexOf('\n'));
  return OPEN.test(first);
}

/**
 * Splits and parses the front matter of `raw` (the file `file`). Throws FRONT_MATTER when there
 * is no closing line or the YAML is not a mapping; invalid YAML is salvaged (see `problem`).
 */
export function parseFrontMatter(raw: string, file: string): FrontMatterResult {
  const lines = raw.split('\n');
  if (!OPEN.test(lines[0] ?? '')) return { frontMatter: {}, body: raw, bodyLine: 1 };
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    if (CLOSE.test(lines[i] ?? '')) {
      close = i;
      break;
    }
  }
  if (close < 0) {
    throw new HandbookError('FRONT_MATTER', 'the front matter is never closed', {
      file,
      line: 1,
      hint: 'end the front matter with a line holding only ---',
    });
  }
  const yamlText = lines
    .slice(1, close)
    .map((l) => l.replace(/\r$/, ''))
    .join('\n');
  const bodyPart = { body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
  let value: unknown;
  try {
    value = parseYaml(yamlText, file, 'FRONT_MATTER', 2).value;
  } catch (e) {
    if (!(e instanceof HandbookError)) throw e;
    const salvaged = salvageFrontMatter(yamlText, file, e, 2);
    return { frontMatter: salvaged.frontMatter, ...bodyPart, problem: salvaged.problem };
  }
  if (
    value !== null &&
    value !== undefined &&
    (typeof value !== 'object' || Array.isArray(value))
  ) {
    throw new HandbookError(
      'FRONT_MATTER',
      'the front matter must be a set of "key: value" lines',
      {
        file,
        line: 2,
        hint: 'write front matter as key: value pairs, e.g. title: Get started',
      },
    );
  }
  return { frontMatter: (value ?? {}) as Record<string, unknown>, ...bodyPart };
}

/** The line of `key:` inside the front matter of `raw` (for findings about one key). */
export function frontMatterLine(raw: string, key: string): number | undefined {
  const lines = raw.split('\n');
  if (!OPEN.test(lines[0] ?? '')) return undefined;
  const re = new RegExp(`^${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (CLOSE.test(line)) return undefined;
    if (re.test(line)) return i + 1;
  }
  return undefined;
}
