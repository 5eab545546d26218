/** Pages: Markdown files with front matter outside `_` folders, with Jekyll-style permalinks. */
import type { Page, SourceFile } from '../model.js';

/** `guide/foo.md` → `/guide/foo`; `guide/index.md` → `/guide`; `index.md` → `/`. */
export function derivePermalink(path: string): string {
  const noExt = path.replace(/\.(md|markdown)$/i, '');
  const withoutIndex = noExt === 'index' ? '' : noExt.replace(/\/index$/, '');
  return `/${withoutIndex}`;
}

export function toPage(file: SourceFile): Page {
  const fm = file.frontMatter;
  // Jekyll reads `permalink: api_auth.html` (the documentation theme's style) from the root.
  const own = nonEmpty(fm.permalink);
  const permalink = own ? (own.startsWith('/') ? own : `/${own}`) : derivePermalink(file.path);
  const page: Page = { ...file, permalink, title: nonEmpty(fm.title) ?? fallbackTitle(file) };
  const subtitle = nonEmpty(fm.subtitle);
  const nextpage = nonEmpty(fm.nextpage);
  const previouspage = nonEmpty(fm.previouspage);
  if (subtitle) page.subtitle = subtitle;
  if (nextpage) page.nextpage = nextpage;
  if (previouspage) page.previouspage = previouspage;
  return page;
}

/** A trimmed string, or undefined for null, empty and blank values (`subtitle:` is common). */
export function nonEmpty(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = String(value).trim();
  return text === '' ? undefined : text;
}

/** The first `# Heading` of the body, else the file name made readable. */
function fallbackTitle(file: SourceFile): string {
  const heading = /^#[ \t]+(.+?)[ \t]*#*[ \t]*$/m.exec(file.body);
  if (heading?.[1]) return heading[1].replace(/\s*\{[#:][^}]*\}\s*$/, '').trim();
  const stem =
    file.path
      .split('/')
      .pop()
      ?.replace(/\.(md|markdown)$/i, '') ?? file.path;
  const base = stem === 'index' ? (file.path.split('/').slice(-2, -1)[0] ?? 'Home') : stem;
  const words = base
    .replace(/^\d+[-_]/, '')
    .replace(/[-_]+/g, ' ')
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * Jekyll's front matter `defaults` from `_config.yml` for a file, so that Liquid sees the same
 * `page.layout` etc. as the site. `type` is `pages` or the collection name.
 */
export function frontMatterDefaults(
  site: Record<string, unknown>,
  path: string,
  type: string,
): Record<string, unknown> {
  const defaults = Array.isArray(site.defaults) ? (site.defaults as unknown[]) : [];
  const out: Record<string, unknown> = {};
  for (const entry of defaults) {
    if (!entry || typeof entry !== 'object') continue;
    const { scope, values } = entry as {
      scope?: { path?: unknown; type?: unknown };
      values?: unknown;
    };
    if (!values || typeof values !== 'object') continue;
    const scopePath = typeof scope?.path === 'string' ? scope.path.replace(/^\/+|\/+$/g, '') : '';
    if (scopePath && path !== scopePath && !path.startsWith(`${scopePath}/`)) continue;
    if (typeof scope?.type === 'string' && scope.type !== type) continue;
    Object.assign(out, values);
  }
  return out;
}
