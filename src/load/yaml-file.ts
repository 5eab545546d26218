/**
 * YAML parsing that keeps positions: every error a user can cause in a YAML file must name the
 * real line, and navigation entries / config keys are located by their node ranges.
 */
import {
  LineCounter,
  parseDocument,
  isMap,
  isSeq,
  isScalar,
  isPair,
  type Document,
  type Node,
} from 'yaml';
import { HandbookError, type ErrorCode } from '../errors.js';
import { MAX_YAML_ALIASES } from '../limits.js';

export interface YamlFile {
  doc: Document;
  value: unknown;
  /** 1-based line of a character offset in the parsed text. */
  lineAt(offset: number): number;
}

/** Documents kept; past it the memo starts afresh (content/ has about 20 YAML texts). */
export const YAML_MEMO_TEXTS = 5000;

const parsedTexts = new Map<string, { doc: Document; lineCounter: LineCounter }>();

/**
 * One parse per distinct text in a process: editions built in one run (src/editions/) read the
 * same front matter and config many times. The document is only read after parsing (values
 * come from `toJS`, fresh for every caller), so sharing it cannot leak one caller's changes.
 */
function parsedDocument(text: string): { doc: Document; lineCounter: LineCounter } {
  const hit = parsedTexts.get(text);
  if (hit) return hit;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  if (parsedTexts.size >= YAML_MEMO_TEXTS) parsedTexts.clear();
  parsedTexts.set(text, { doc, lineCounter });
  return { doc, lineCounter };
}

/**
 * Parses `text` (the YAML of `file`; `firstLine` is the file line on which `text` starts, for
 * front matter) and throws `HandbookError(code)` with the real line on a syntax error.
 */
export function parseYaml(text: string, file: string, code: ErrorCode, firstLine = 1): YamlFile {
  const { doc, lineCounter } = parsedDocument(text);
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + firstLine - 1;
  const err = doc.errors[0];
  if (err) {
    const line = (err.linePos?.[0]?.line ?? 1) + firstLine - 1;
    const message = err.message.split('\n')[0] ?? err.message;
    const what = code === 'FRONT_MATTER' ? 'invalid YAML in the front matter' : 'invalid YAML';
    throw new HandbookError(code, `${what}: ${message}`, {
      file,
      line,
      hint: 'check the indentation, and quote values that contain ": " or start with a special character',
    });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (e) {
    if (!/alias/i.test((e as Error).message)) throw e;
    throw new HandbookError(
      code,
      `YAML aliases (*name) in this file expand to more than ${MAX_YAML_ALIASES} values`,
      {
        file,
        line: firstLine,
        hint: 'use aliases to reuse a few values, not to multiply them; see Limits in the README',
      },
    );
  }
  return { doc, value, lineAt };
}

/**
 * The line of the node at `path` (a key path as zod reports it). When the path does not exist
 * (a missing key), the line of the deepest ancestor that does.
 */
export function lineOfPath(file: YamlFile, path: readonly (string | number)[]): number | undefined {
  let node: unknown = file.doc.contents;
  let line: number | undefined = rangeLine(file, node);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key),
      );
      if (!pair) break;
      line = rangeLine(file, pair.key) ?? line;
      node = pair.value;
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) break;
      line = rangeLine(file, item) ?? line;
      node = item;
    } else break;
  }
  return line;
}

function rangeLine(file: YamlFile, node: unknown): number | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? file.lineAt(range[0]) : undefined;
}
