/**
 * kramdown abbreviations: `*[HTML]: Hyper Text Markup Language` lines define them (and are
 * not text); every whole-word occurrence in the page's text becomes `<abbr title>`.
 * The definition lines are blanked, not removed, so that source lines stay where they were.
 */
import type { Parent, PhrasingContent, Root, Text } from 'mdast';
import { fencedLines } from './source-lines.js';
import { pushAll } from '../arrays.js';

const DEFINITION = /^ {0,3}\*\[(.+?)\]:(.*)$/;

export function extractAbbreviations(markdown: string): {
  markdown: string;
  abbreviations: Map<string, string>;
} {
  const abbreviations = new Map<string, string>();
  if (!markdown.includes('*[')) return { markdown, abbreviations };
  const lines = markdown.split('\n');
  const fenced = fencedLines(lines);
  const out = lines.map((line, i) => {
    const m = fenced[i] ? null : DEFINITION.exec(line);
    if (!m?.[1]) return line;
    abbreviations.set(m[1], (m[2] ?? '').trim());
    return '';
  });
  return { markdown: out.join('\n'), abbreviations };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default function remarkAbbreviations(abbreviations: Map<string, string>) {
  return (tree: Root): void => {
    if (abbreviations.size === 0) return;
    const keys = [...abbreviations.keys()].sort((a, b) => b.length - a.length);
    const pattern = new RegExp(
      `(?<![A-Za-z0-9_])(?:${keys.map(escape).join('|')})(?![A-Za-z0-9_])`,
      'g',
    );
    walk(tree, pattern, abbreviations);
  };
}

function walk(node: Parent, pattern: RegExp, abbreviations: Map<string, string>): void {
  const out: PhrasingContent[] = [];
  let changed = false;
  for (const child of node.children as PhrasingContent[]) {
    if (child.type === 'text') {
      const split = splitText(child, pattern, abbreviations);
      changed ||= split.length !== 1;
      pushAll(out, split);
    } else {
      if ('children' in child) walk(child, pattern, abbreviations);
      out.push(child);
    }
  }
  if (changed) node.children = out as typeof node.children;
}

function splitText(
  node: Text,
  pattern: RegExp,
  abbreviations: Map<string, string>,
): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let at = 0;
  for (const m of node.value.matchAll(pattern)) {
    const i = m.index ?? 0;
    if (i > at) out.push({ type: 'text', value: node.value.slice(at, i) });
    const title = abbreviations.get(m[0]) ?? '';
    out.push({
      type: 'emphasis',
      data: { hName: 'abbr', hProperties: title ? { title } : {} },
      children: [{ type: 'text', value: m[0] }],
    });
    at = i + m[0].length;
  }
  if (at === 0) return [node];
  if (at < node.value.length) out.push({ type: 'text', value: node.value.slice(at) });
  return out;
}
