/**
 * Real kramdown as the oracle for the Markdown stage: renders Markdown with Ruby's kramdown
 * (GFM parser, Jekyll's options) and compares it with the tree our stage builds, by what a
 * reader gets: element names in document order and the visible text between them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { Diagnostics } from '../../../src/diagnostics.js';
import { parsePage } from '../../../src/markdown/index.js';
import type { KramdownOptions } from '../../../src/markdown/index.js';

const SCRIPT = join(import.meta.dirname, 'kramdown.rb');

/** Whether Ruby with kramdown and its GFM parser can be run here. */
export function kramdownAvailable(): boolean {
  try {
    execFileSync('ruby', ['-rkramdown', '-rkramdown-parser-gfm', '-e', '1'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** kramdown's HTML for each file (one Ruby process for all of them). */
export function kramdownHtmlOfFiles(
  files: string[],
  options: Record<string, unknown> = {},
): Record<string, string> {
  const out = execFileSync('ruby', [SCRIPT, ...files], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, KRAMDOWN_OPTIONS: JSON.stringify(options) },
  });
  return JSON.parse(out) as Record<string, string>;
}

/** kramdown's HTML for each Markdown text. */
export function kramdownHtml(texts: string[], options: Record<string, unknown> = {}): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'kramdown-oracle-'));
  try {
    const files = texts.map((t, i) => {
      const f = join(dir, `${i}.md`);
      writeFileSync(f, t);
      return f;
    });
    const html = kramdownHtmlOfFiles(files, options);
    return files.map((f) => html[f] ?? '');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Our Markdown stage's tree for a text, as a page would be read. */
export function ourTree(markdown: string, options?: KramdownOptions): Root {
  const page = {
    path: 'case.md',
    raw: markdown,
    frontMatter: {},
    body: markdown,
    bodyLine: 1,
    permalink: '/case',
    title: 'Case',
  };
  return parsePage({ page, markdown }, new Diagnostics(), options).tree;
}

/** `<p>|text|</p>`: element names and visible text (whitespace collapsed), in order. */
export function structure(tree: Nodes): string[] {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    text = '';
  };
  const walk = (node: Nodes) => {
    if (node.type === 'text') text += node.value;
    else if (node.type === 'element') {
      flush();
      out.push(`<${node.tagName}>`);
      const content = node.tagName === 'template' ? undefined : node.children;
      for (const c of content ?? []) walk(c);
      flush();
      out.push(`</${node.tagName}>`);
    } else if (node.type === 'root') for (const c of node.children) walk(c);
  };
  walk(tree);
  flush();
  return out;
}

export function htmlStructure(html: string): string[] {
  return structure(fromHtml(html, { fragment: true }));
}

/** The first place two structures differ, with a little context, or undefined. */
export function firstDifference(a: string[], b: string[]): string | undefined {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      const ctx = (s: string[]) => s.slice(Math.max(0, i - 3), i + 4).join(' ');
      return `at token ${i}:\n  kramdown: ${ctx(a)}\n  ours:     ${ctx(b)}`;
    }
  }
  return undefined;
}
