/**
 * kramdown's typography on every run of Markdown text (not code, not raw HTML, not the text
 * of an `<…>` autolink). The run's source decides what kramdown would see: characters
 * written escaped stay literal, and the source after the run is the quotes' look-ahead.
 */
import type { Parent, Root, Text } from 'mdast';
import { typeset, type TypesetOptions } from './typography.js';

export default function remarkTypography(options: TypesetOptions) {
  return (tree: Root, file: { value?: unknown }): void => {
    const source = String(file.value ?? '');
    walk(tree, source, options);
  };
}

function walk(node: Parent, source: string, options: TypesetOptions): void {
  for (const child of node.children) {
    if (child.type === 'text') typesetText(child, source, options);
    else if (child.type === 'link' && isAutolink(child, source)) continue;
    else if ('children' in child) walk(child, source, options);
  }
}

function isAutolink(node: { position?: Text['position'] }, source: string): boolean {
  const at = node.position?.start.offset;
  return at !== undefined && source[at] === '<';
}

function typesetText(node: Text, source: string, options: TypesetOptions): void {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  if (start === undefined || end === undefined) {
    node.value = typeset(node.value, options);
    return;
  }
  const raw = source.slice(start, end);
  const literal = raw === node.value ? undefined : escapedChars(node.value, raw);
  node.value = typeset(node.value, options, source.slice(end, end + 4), literal);
}

const ENTITY = /^&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{0,31});/;

/**
 * Which characters of a text node's value were written as `\x` escapes or entities, found by
 * walking the value alongside its source (which may also hold stripped indentation).
 */
function escapedChars(value: string, raw: string): boolean[] {
  const literal: boolean[] = new Array<boolean>(value.length).fill(false);
  let j = 0;
  for (let i = 0; i < value.length && j < raw.length; i++) {
    const v = value[i];
    if (raw[j] === '\\' && raw[j + 1] === v && v !== '\\' && /[!-/:-@[-`{-~]/.test(v ?? '')) {
      literal[i] = true;
      j += 2;
      continue;
    }
    if (raw[j] === '&' && raw[j] !== v) {
      const m = ENTITY.exec(raw.slice(j, j + 40));
      if (m) {
        literal[i] = true;
        j += m[0].length;
        // A character outside the BMP is two UTF-16 units in the value.
        if (value.codePointAt(i)! > 0xffff) literal[++i] = true;
        continue;
      }
    }
    while (j < raw.length && raw[j] !== v && /\s/.test(raw[j] ?? '')) j++;
    j++;
  }
  return literal;
}
