/**
 * The load stage: reads a Jekyll source tree (`_config.yml`, `_data/`, `_includes/`,
 * collections, pages, `handbook.yml`, the release history) and decides the reading order.
 */
import type { Diagnostics } from '../diagnostics.js';
import type { CollectionDoc, Page, SourceFile, SourceTree } from '../model.js';
import { HandbookError } from '../errors.js';
import { collectionSpecs, toCollectionDoc } from './collections.js';
import { parseHandbookConfig, parseReleases, CONFIG_FILE } from './config.js';
import { loadData } from './data.js';
import { assertSourceDir, listFiles, readOptional, readText } from './files.js';
import { hasFrontMatter, parseFrontMatter } from './front-matter.js';
import { decideOrder } from './order.js';
import { toPage } from './pages.js';
import { permalinkIndex } from './permalinks.js';
import { assertHasChapters, assertUniquePermalinks, siteSettings } from './integrity.js';
import { parseYaml } from './yaml-file.js';
import path from 'node:path';

export { PermalinkIndex, permalinkIndex, resolvePermalink, cleanPath } from './permalinks.js';
export type { NormalisedUrl, ResolvedUrl } from './permalinks.js';
export { frontMatterLine, parseFrontMatter } from './front-matter.js';

const MARKDOWN = /\.(md|markdown)$/i;
/** Markdown files a repository keeps for its own sake; without front matter they are no pages. */
const REPO_DOCS =
  /^(readme|license|licence|changelog|contributing|code_of_conduct)\.(md|markdown)$/i;

export async function loadSource(dir: string, diag: Diagnostics): Promise<SourceTree> {
  const root = path.resolve(dir);
  await assertSourceDir(root);
  const files = await listFiles(root);

  const siteText = await readOptional(root, '_config.yml');
  const siteValue =
    siteText === undefined ? {} : parseYaml(siteText, '_config.yml', 'CONFIG').value;
  const site = siteSettings(siteValue);
  const excluded = excludeMatcher(site);

  const dataFiles = files.filter((f) => f.startsWith('_data/'));
  const dataTexts = await readAll(root, dataFiles);
  const { data, navigation } = loadData(
    dataFiles.map((f, i) => ({ path: f, text: dataTexts[i] ?? '' })),
  );

  const includes: Record<string, string> = {};
  const includeFiles = files.filter((f) => f.startsWith('_includes/'));
  const includeTexts = await readAll(root, includeFiles);
  includeFiles.forEach((f, i) => (includes[f.slice('_includes/'.length)] = includeTexts[i] ?? ''));

  const collections: Record<string, CollectionDoc[]> = {};
  for (const spec of collectionSpecs(site)) {
    const docFiles = files.filter(
      (f) => f.startsWith(`${spec.dir}/`) && /\.(md|markdown|html)$/i.test(f),
    );
    const texts = await readAll(root, docFiles);
    const docs: CollectionDoc[] = [];
    docFiles.forEach((f, i) => {
      const raw = texts[i] ?? '';
      if (hasFrontMatter(raw)) docs.push(toCollectionDoc(sourceFile(f, raw, diag), spec, site));
    });
    collections[spec.name] = docs;
  }

  const pages: Page[] = [];
  const pageFiles = files.filter(
    (f) => MARKDOWN.test(f) && !f.split('/').some((s) => s.startsWith('_')) && !excluded(f),
  );
  const pageTexts = await readAll(root, pageFiles);
  for (const [i, f] of pageFiles.entries()) {
    const raw = pageTexts[i] ?? '';
    if (hasFrontMatter(raw)) pages.push(toPage(sourceFile(f, raw, diag)));
    else if (!REPO_DOCS.test(f)) {
      diag.note(
        f,
        1,
        'not-a-page',
        `${f} has no front matter, so Jekyll publishes it as a plain file, not a page; it is not in the handbook`,
        'add front matter (--- lines) to make it a page',
      );
    }
  }

  assertUniquePermalinks(pages);
  const loaded = parseHandbookConfig(await readOptional(root, CONFIG_FILE));
  const releasesText = await readOptional(root, loaded.config.releases);
  if (releasesText === undefined && loaded.releasesExplicit) {
    throw new HandbookError(
      'CONFIG',
      `${CONFIG_FILE}: releases: ${loaded.config.releases} does not exist`,
      {
        file: CONFIG_FILE,
        line: loaded.lineOf(['releases']),
        hint: 'create the file or remove the releases key',
      },
    );
  }
  const releases =
    releasesText === undefined ? [] : parseReleases(releasesText, loaded.config.releases);

  const tree: SourceTree = {
    root,
    site,
    data,
    pages,
    collections,
    includes,
    navigation,
    config: loaded.config,
    releases,
    order: [],
  };
  tree.order = decideOrder({ pages, navigation, loaded, index: permalinkIndex(tree), site }, diag);
  assertHasChapters(tree);
  return tree;
}

function readAll(root: string, rels: string[]): Promise<string[]> {
  return Promise.all(rels.map((f) => readText(root, f)));
}

function sourceFile(file: string, raw: string, diag: Diagnostics): SourceFile {
  const { problem, ...parsed } = parseFrontMatter(raw, file);
  if (problem) {
    const lost = problem.lost.length
      ? `; lost: ${problem.lost.join(', ')} (every other key is kept)`
      : '; every key was still read';
    diag.error(
      file,
      problem.line,
      'front-matter-yaml',
      `${problem.message}${lost} — the build goes on, as Jekyll's does`,
      'quote values that contain ": " or start with a special character, e.g. subtitle: "Estimated timeline: 5 days (varies)"',
    );
  }
  return { path: file, raw, ...parsed };
}

/** `_config.yml` `exclude:` entries: file or folder names / paths, `*` globs. */
function excludeMatcher(site: Record<string, unknown>): (file: string) => boolean {
  const patterns = (Array.isArray(site.exclude) ? site.exclude : [])
    .map(String)
    .map((p) => p.replace(/^\/+|\/+$/g, ''));
  const regexes = patterns.map(
    (p) => new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`),
  );
  return (file) => regexes.some((re) => re.test(file));
}
