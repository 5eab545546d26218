/**
 * An edition applied to the loaded source tree, before Liquid: its variables join `site`
 * (`site.edition.*`), its local pages join the pages and the reading order, and the chapters it
 * leaves out leave the order (their pages stay known, so links into them are reported as
 * left out rather than as unknown addresses). Sections are cut after Markdown (apply-parsed.ts).
 */
import path from 'node:path';
import type { Diagnostics } from '../diagnostics.js';
import { HandbookError } from '../errors.js';
import { CONFIG_FILE } from '../load/config.js';
import { listFiles, readText } from '../load/files.js';
import { assertUniquePermalinks } from '../load/integrity.js';
import { parseFrontMatter, permalinkIndex } from '../load/index.js';
import { toPage } from '../load/pages.js';
import type { Page, SourceTree } from '../model.js';
import type { LeftOut } from './model.js';
import type { ResolvedEdition } from './resolve.js';

/** A `leaveOut` entry that names a section rather than a chapter. */
export interface SectionRef {
  /** The page it is in; undefined: a heading id looked for in every page. */
  page?: Page;
  id: string;
  /** Its index in `leaveOut` (for messages). */
  at: number;
}

export interface SourceEdition {
  tree: SourceTree;
  sections: SectionRef[];
  /** Local pages, in the order they were placed. */
  local: Page[];
}

export async function applyToSource(
  tree: SourceTree,
  edition: ResolvedEdition,
  diag: Diagnostics,
): Promise<SourceEdition> {
  const local = await readLocalPages(tree.root, edition, diag);
  const pages = [...tree.pages, ...local].sort((a, b) => (a.path < b.path ? -1 : 1));
  assertUniquePermalinks(pages);
  const next: SourceTree = { ...tree, pages, site: { ...tree.site, edition: variables(edition) } };
  const index = permalinkIndex(next);
  const leftOut: LeftOut = { edition: edition.config.id, pages: new Set(), anchors: new Set() };
  const sections: SectionRef[] = [];
  edition.config.leaveOut.forEach((ref, at) => {
    const [base = '', id] = ref.split('#', 2);
    const page = base ? index.resolveRef(base) : undefined;
    // A bare word that is no page is a heading id, looked for in every page.
    if (!page && id === undefined && !base.includes('/')) {
      sections.push({ id: base, at });
      return;
    }
    if (!page) throw keyError(edition, ['leaveOut', at], `${ref} is no page of the site`);
    if (id !== undefined) {
      sections.push({ page, id, at });
      return;
    }
    if (!tree.order.some((o) => o.page.path === page.path))
      throw keyError(edition, ['leaveOut', at], `${ref} is not a chapter of the handbook`);
    leftOut.pages.add(page.path);
  });
  let order = tree.order.filter((o) => !leftOut.pages.has(o.page.path));
  order = placeLocal(order, local, edition, index);
  return { tree: { ...next, order, leftOut }, sections, local };
}

/** `site.edition`: id, name, title and the edition's own variables. */
function variables(edition: ResolvedEdition): Record<string, unknown> {
  const c = edition.config;
  return {
    ...c.variables,
    id: c.id,
    name: c.organisation?.name ?? c.title ?? c.id,
    ...(c.title ? { title: c.title } : {}),
    ...(c.organisation ? { organisation: c.organisation.name } : {}),
  };
}

function placeLocal(
  order: SourceTree['order'],
  local: Page[],
  edition: ResolvedEdition,
  index: ReturnType<typeof permalinkIndex>,
): SourceTree['order'] {
  const spec = edition.config.pages;
  if (!spec || local.length === 0) return order;
  // Appendices go last; apply-handbook.ts moves them behind the reference list.
  if (!spec.after) return [...order, ...local.map((page) => ({ page }))];
  const anchor = index.resolveRef(spec.after);
  const at = anchor ? order.findIndex((o) => o.page.path === anchor.path) : -1;
  if (at < 0)
    throw keyError(edition, ['pages', 'after'], `${spec.after} is not a chapter of this edition`);
  const part = order[at]?.part;
  const added = local.map((page) => (part === undefined ? { page } : { part, page }));
  return [...order.slice(0, at + 1), ...added, ...order.slice(at + 1)];
}

const MARKDOWN = /\.(md|markdown)$/i;

async function readLocalPages(
  root: string,
  edition: ResolvedEdition,
  diag: Diagnostics,
): Promise<Page[]> {
  const spec = edition.config.pages;
  if (!spec) return [];
  const dir = spec.from.replace(/^\.?\/+|\/+$/g, '');
  if (path.posix.normalize(dir).startsWith('..'))
    throw keyError(edition, ['pages', 'from'], `${spec.from} is outside the source folder`);
  const files = (await listFiles(root)).filter((f) => f.startsWith(`${dir}/`) && MARKDOWN.test(f));
  if (files.length === 0)
    throw keyError(edition, ['pages', 'from'], `${spec.from} holds no Markdown pages`);
  const pages: Page[] = [];
  for (const file of files) {
    const raw = await readText(root, file);
    const { problem, ...parsed } = parseFrontMatter(raw, file);
    if (problem) diag.error(file, problem.line, 'front-matter-yaml', problem.message);
    pages.push(toPage({ path: file, raw, ...parsed }));
  }
  return pages;
}

function keyError(edition: ResolvedEdition, key: (string | number)[], message: string) {
  const keyPath = key.reduce<string>(
    (s, k) => (typeof k === 'number' ? `${s}[${k}]` : `${s}.${k}`),
    `editions[${edition.index}]`,
  );
  return new HandbookError('CONFIG', `${CONFIG_FILE}: ${keyPath}: ${message}`, {
    file: CONFIG_FILE,
    line: edition.loaded.lineOf(['editions', edition.index, ...key]),
    hint: 'give the permalink (/guide/kick-off) or source path of a chapter, or /page#id for a section',
  });
}
