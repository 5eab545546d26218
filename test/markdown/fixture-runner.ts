/**
 * Fixture tests for the Markdown stage: each `test/fixtures/markdown-<case>/` holds
 *   input.md        the page's source as the editor wrote it (front matter optional)
 *   expanded.md     Liquid's output, when it differs from the source (optional)
 *   expected.html   the parsed tree as HTML
 *   findings.txt    the findings, one `line severity code` per line (optional: none expected)
 * `UPDATE_FIXTURES=1` rewrites expected.html and findings.txt from the current output.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { Diagnostics, type Finding } from '../../src/diagnostics.js';
import { parsePage } from '../../src/markdown/index.js';
import type { Page, ParsedPage } from '../../src/model.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
export const UPDATE = process.env.UPDATE_FIXTURES === '1';

export function fixtureCases(prefix: string): string[] {
  return readdirSync(FIXTURES)
    .filter((d) => d.startsWith(prefix) && existsSync(join(FIXTURES, d, 'input.md')))
    .sort();
}

/** A Page for a fixture source: the front matter (if any) is split off as the loader would. */
export function fixturePage(raw: string, path: string): Page {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(raw);
  const front = m?.[1] ?? '';
  const field = (k: string) => new RegExp(`^${k}:[ \\t]*(.*)$`, 'm').exec(front)?.[1]?.trim() ?? '';
  return {
    path,
    raw,
    frontMatter: {},
    body: m ? raw.slice(m[0].length) : raw,
    bodyLine: m ? m[0].split('\n').length : 1,
    permalink: field('permalink') || '/guide/fixture',
    title: field('title') || 'Fixture',
  };
}

export interface FixtureResult {
  parsed: ParsedPage;
  html: string;
  findings: Finding[];
}

export function runFixture(dir: string): FixtureResult {
  const raw = readFileSync(join(FIXTURES, dir, 'input.md'), 'utf8');
  const page = fixturePage(raw, `guide/${dir}.md`);
  const expandedFile = join(FIXTURES, dir, 'expanded.md');
  const markdown = existsSync(expandedFile) ? readFileSync(expandedFile, 'utf8') : page.body;
  const diag = new Diagnostics();
  const parsed = parsePage({ page, markdown }, diag);
  return { parsed, html: toHtml(parsed.tree), findings: diag.findings };
}

/** Whitespace between tags and runs of whitespace do not matter to a fragment comparison. */
export function normaliseHtml(html: string): string {
  return html.replace(/>\s+</g, '><').replace(/\s+/g, ' ').trim();
}

export function findingLines(findings: Finding[]): string {
  return findings.map((f) => `${f.line ?? '-'} ${f.severity} ${f.code}`).join('\n');
}

/** The expected file's content, written from `actual` first when updating. */
export function expected(dir: string, name: string, actual: string): string | undefined {
  const file = join(FIXTURES, dir, name);
  if (UPDATE) writeFileSync(file, actual.endsWith('\n') || actual === '' ? actual : `${actual}\n`);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
}
