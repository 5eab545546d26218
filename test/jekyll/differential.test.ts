/**
 * The differential tier: every whole site among the fixtures, and content/, built by real
 * Jekyll and by the handbook; each chapter's body must say what Jekyll's page says (visible
 * words in order, heading texts, list/table/emphasis structure, external link targets).
 * The copy Jekyll builds gets one layout for every layout name: `<main data-hb-diff>` around
 * `{{ content }}`, so the page body is found whatever the site's theme.
 * Per-site word identity is printed (`# site: … % words identical`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root } from 'hast';
import { prepare } from '../../src/prepare.js';
import { Timings } from '../../src/progress.js';
import type { Chapter } from '../../src/model.js';
import { buildWithJekyll, type JekyllSite } from '../helpers/jekyll.js';
import { firstDifference, identity, rendered, type Rendered } from './compare.js';
import { KNOWN_KRAMDOWN_GAPS, foldGaps } from './known-gaps.js';
import { componentClasses, layoutNames, pageFile } from './site.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '..', 'fixtures');

/** Whole sites (a `_config.yml` and pages that build), by name. */
const SITES: Record<string, string> = {
  content: path.join(here, '..', '..', 'content'),
  'site-documentation-theme': path.join(fixtures, 'site-documentation-theme'),
  'site-just-the-docs': path.join(fixtures, 'site-just-the-docs'),
  'guides/other-guide': path.join(fixtures, 'guides', 'other-guide'),
  'load-zero-config': path.join(fixtures, 'load-zero-config'),
  'load-sidebar-sections': path.join(fixtures, 'load-sidebar-sections'),
  'load-minimal-mistakes': path.join(fixtures, 'load-minimal-mistakes'),
  'load-config-parts': path.join(fixtures, 'load-config-parts'),
  'load-no-navigation': path.join(fixtures, 'load-no-navigation'),
  'liquid-site': path.join(fixtures, 'liquid-site'),
};

const MARKER = '<main data-hb-diff>{{ content }}</main>';

function jekyllBody(site: JekyllSite, chapter: Chapter): Root | undefined {
  for (const rel of pageFile(chapter.permalink)) {
    const html = site.read(rel);
    if (html === undefined) continue;
    // A page with no layout (none in its front matter or the defaults) is its bare content.
    const m = /<main data-hb-diff>([\s\S]*)<\/main>/.exec(html);
    return fromHtml(m ? (m[1] ?? '') : html, { fragment: true });
  }
  return undefined;
}

/**
 * What the handbook changes on purpose: the chapter heading it adds (Jekyll's layout would),
 * and the words of its own print templates for components (labels such as "Important").
 */
function ourBody(chapter: Chapter): Root {
  const children = chapter.body.children.filter(
    (n) => !(n.type === 'element' && (n as Element).properties?.dataHbChapterTitle !== undefined),
  );
  return { ...chapter.body, children };
}

/**
 * On purpose: a body that opens with `# Its title` gives that heading to the chapter (the
 * handbook's chapter heading); Jekyll keeps it in the body.
 */
function withoutTitleHeading(root: Root, chapter: Chapter, ours: Root): Root {
  const first = root.children.find(
    (n) => n.type === 'element' || (n.type === 'text' && n.value.trim() !== ''),
  );
  if (!first || first.type !== 'element' || first.tagName !== 'h1') return root;
  const title = rendered(first).words.join(' ');
  const oursFirst = rendered(ours).headings[0];
  if (title !== chapter.title.replace(/\s+/g, ' ').trim() || oursFirst === title) return root;
  return { ...root, children: root.children.filter((n) => n !== first) };
}

function context(words: string[], at: number): string {
  return words.slice(Math.max(0, at - 4), at + 8).join(' ');
}

/** The source line holding the words just before a difference (best effort). */
function sourceLine(root: string, file: string, words: string[], at: number): string {
  let raw: string;
  try {
    raw = readFileSync(path.join(root, file), 'utf8');
  } catch {
    return file;
  }
  for (let n = 3; n >= 1; n--) {
    const probe = words.slice(Math.max(0, at - n), at + 1).filter(Boolean);
    if (probe.length === 0) continue;
    const lines = raw.split('\n');
    const i = lines.findIndex((l) => probe.every((w) => l.includes(w.replace(/[.,:;!?]$/, ''))));
    if (i >= 0) return `${file}:${i + 1}`;
  }
  return file;
}

function describe(kind: string, ours: string[], theirs: string[], at: number): string {
  return `${kind} differ at ${at}:\n  handbook: …${context(ours, at)}…\n  jekyll:   …${context(theirs, at)}…`;
}

// HB_DIFF_SITE=name runs one site (when working on it).
const only = process.env.HB_DIFF_SITE;
for (const [name, root] of Object.entries(SITES).filter(([n]) => !only || n === only)) {
  test(`differential: ${name} against real Jekyll`, async (t) => {
    const layouts = Object.fromEntries(
      layoutNames(root).map((l) => [`_layouts/${l}.html`, `${MARKER}\n`]),
    );
    const site = buildWithJekyll(root, layouts);
    const { handbook } = await prepare({
      source: root,
      version: 'draft',
      date: '2024-01-01',
      timings: new Timings(),
      collect: true,
      cache: false,
    });
    assert.ok(handbook.chapters.length > 0, `${name}: the handbook has chapters`);
    const siteUrl = siteAddress(root);
    const components = componentClasses(root, path.join(here, '..', '..', 'templates', 'includes'));
    const gaps = KNOWN_KRAMDOWN_GAPS[name] ?? [];
    let same = 0;
    let total = 0;
    let rawSame = 0;
    const failures: string[] = [];
    const needed = new Set<string>();
    for (const chapter of handbook.chapters) {
      const theirsRoot = jekyllBody(site, chapter);
      if (!theirsRoot) {
        failures.push(`${chapter.source} (${chapter.permalink}): Jekyll wrote no such page`);
        continue;
      }
      const oursRoot = ourBody(chapter);
      const [oursRaw, theirsRaw] = [
        rendered(oursRoot, { siteUrl }),
        rendered(withoutTitleHeading(theirsRoot, chapter, oursRoot), {
          markupAsText: true,
          componentClasses: components,
        }),
      ];
      rawSame += identity(oursRaw.words, theirsRaw.words).same;
      for (const gap of gaps)
        for (const r of [oursRaw, theirsRaw])
          if (JSON.stringify(foldGaps(r, [gap])) !== JSON.stringify(r)) needed.add(gap);
      const [ours, theirs] = [foldGaps(oursRaw, gaps), foldGaps(theirsRaw, gaps)];
      const id = identity(ours.words, theirs.words);
      same += id.same;
      total += id.total;
      const problems = compareRendered(ours, theirs);
      if (problems.length) {
        const at = firstDifference(ours.words, theirs.words);
        const where = at >= 0 ? sourceLine(root, chapter.source, ours.words, at) : chapter.source;
        failures.push(`${where} (${chapter.permalink}): ${problems.join('\n')}`);
      }
    }
    // The list stays honest: a construct no page needs folded is reported, not kept.
    for (const gap of gaps.filter((g) => !needed.has(g)))
      failures.push(`KNOWN_KRAMDOWN_GAPS['${name}'] lists ${gap}, but no page needs it: remove it`);
    const pct = total ? ((100 * same) / total).toFixed(2) : '100.00';
    const rawPct = total ? ((100 * rawSame) / total).toFixed(2) : '100.00';
    t.diagnostic(
      `${name}: ${pct}% words identical (${same}/${total})${gaps.length ? `; ${rawPct}% before folding the known kramdown gaps (${gaps.join(', ')})` : ''}`,
    );
    assert.deepEqual(failures, [], `${name}:\n${failures.join('\n\n')}`);
  });
}

/** `url` + `baseurl` of `_config.yml`: the handbook links pages it leaves out to the website. */
function siteAddress(root: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path.join(root, '_config.yml'), 'utf8');
  } catch {
    return undefined;
  }
  const value = (key: string): string =>
    new RegExp(`^${key}:\\s*["']?([^"'\\n#]*)`, 'm').exec(text)?.[1]?.trim() ?? '';
  const url = value('url');
  return url ? `${url.replace(/\/+$/, '')}${value('baseurl').replace(/\/+$/, '')}/` : undefined;
}

function compareRendered(ours: Rendered, theirs: Rendered): string[] {
  const out: string[] = [];
  const check = (kind: string, a: string[], b: string[]): void => {
    const at = firstDifference(a, b);
    if (at >= 0) out.push(describe(kind, a, b, at));
  };
  check('words', ours.words, theirs.words);
  check('headings', ours.headings, theirs.headings);
  check('structure', ours.structure, theirs.structure);
  check('external links', ours.links, theirs.links);
  return out;
}
