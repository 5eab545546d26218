/**
 * Hand-built source trees for transform tests: no disk and no load stage. Pages go through
 * the real Markdown stage (parsePage), with `markdown` standing in for Liquid's output.
 */
import { handbookConfigSchema } from '../../src/config/schema.js';
import { Diagnostics, type Finding } from '../../src/diagnostics.js';
import { parsePage } from '../../src/markdown/index.js';
import type { CollectionDoc, Handbook, Page, ParsedPage, SourceTree } from '../../src/model.js';
import { buildHandbook } from '../../src/transform/index.js';

export interface PageSpec {
  path: string;
  permalink: string;
  title: string;
  subtitle?: string;
  /** The Markdown as written in the source file (front matter is added around it). */
  source: string;
  /** Liquid's output; defaults to `source` with `{{ site.baseurl }}` expanded. */
  markdown?: string;
}

export const SITE = {
  title: 'GP Clinical System Migration Guide',
  description: 'A site description',
  baseurl: '/prm-practice-migration',
  url: 'https://nhsconnect.github.io',
};

export function makePage(spec: PageSpec): Page {
  const front = `---\npermalink: ${spec.permalink}\ntitle: ${spec.title}\n${spec.subtitle ? `subtitle: ${spec.subtitle}\n` : ''}---\n`;
  const page: Page = {
    path: spec.path,
    raw: front + spec.source,
    frontMatter: { permalink: spec.permalink, title: spec.title },
    body: spec.source,
    bodyLine: front.split('\n').length,
    permalink: spec.permalink,
    title: spec.title,
  };
  if (spec.subtitle) page.subtitle = spec.subtitle;
  return page;
}

export interface TreeSpec {
  pages: PageSpec[];
  /** Paths of the pages in the handbook, in order; default: every page. */
  order?: string[];
  site?: Record<string, unknown>;
  config?: Record<string, unknown>;
  collections?: Record<string, CollectionDoc[]>;
  includes?: Record<string, string>;
}

export function makeTree(spec: TreeSpec): { tree: SourceTree; markdown: Map<string, string> } {
  const pages = spec.pages.map(makePage);
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const order = (spec.order ?? pages.map((p) => p.path)).map((path) => {
    const page = byPath.get(path);
    if (!page) throw new Error(`no page ${path}`);
    return { page };
  });
  const site = { ...SITE, ...spec.site };
  const expand = (s: string) =>
    s.replace(/\{\{\s*site\.baseurl\s*\}\}/g, String(site.baseurl ?? ''));
  const markdown = new Map(spec.pages.map((p) => [p.path, p.markdown ?? expand(p.source)]));
  const tree: SourceTree = {
    root: '/nonexistent',
    site,
    data: {},
    pages: [...pages].sort((a, b) => a.path.localeCompare(b.path)),
    collections: spec.collections ?? {},
    includes: spec.includes ?? {},
    navigation: [],
    config: handbookConfigSchema.parse(spec.config ?? {}),
    releases: [],
    order,
  };
  return { tree, markdown };
}

export interface Built {
  handbook: Handbook;
  findings: Finding[];
  tree: SourceTree;
}

/** Parses every page in the handbook's order and builds the handbook. */
export function build(spec: TreeSpec): Built {
  const { tree, markdown } = makeTree(spec);
  const diag = new Diagnostics();
  const parsed: ParsedPage[] = tree.order.map(({ page }) =>
    parsePage({ page, markdown: markdown.get(page.path) ?? '' }, diag),
  );
  const handbook = buildHandbook(tree, parsed, { version: '1.0.0', date: '2024-05-01' }, diag);
  return { handbook, findings: diag.findings, tree };
}

export function findingsWith(findings: Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}
