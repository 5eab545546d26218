/** Jekyll collections declared in `_config.yml` (`collections: steps: …` → `_steps/**`). */
import type { CollectionDoc, SourceFile } from '../model.js';
import { frontMatterDefaults } from './pages.js';

export interface CollectionSpec {
  name: string;
  /** Folder relative to the source root: `_steps`, or below `collections_dir`. */
  dir: string;
  permalink?: string;
}

export function collectionSpecs(site: Record<string, unknown>): CollectionSpec[] {
  const declared = site.collections;
  const base =
    typeof site.collections_dir === 'string' ? site.collections_dir.replace(/^\/+|\/+$/g, '') : '';
  const entries: [string, unknown][] = Array.isArray(declared)
    ? declared.map((n) => [String(n), {}])
    : declared && typeof declared === 'object'
      ? Object.entries(declared)
      : [];
  return entries
    .filter(([name]) => name !== 'posts' && name !== 'drafts')
    .map(([name, opts]) => {
      const permalink = (opts as { permalink?: unknown } | null)?.permalink;
      const spec: CollectionSpec = { name, dir: base ? `${base}/_${name}` : `_${name}` };
      if (typeof permalink === 'string') spec.permalink = permalink;
      return spec;
    });
}

/** Builds a document with the fields Liquid's `site.<collection>` items have in Jekyll. */
export function toCollectionDoc(
  file: SourceFile,
  spec: CollectionSpec,
  site: Record<string, unknown>,
): CollectionDoc {
  const inner = file.path.slice(spec.dir.length + 1);
  const innerNoExt = inner.replace(/\.[^./]+$/, '');
  const slug = innerNoExt.split('/').pop() ?? innerNoExt;
  const data: Record<string, unknown> = {
    ...frontMatterDefaults(site, file.path, spec.name),
    ...file.frontMatter,
    content: file.body,
    path: file.path,
    relative_path: file.path,
    collection: spec.name,
    id: `/${spec.name}/${innerNoExt}`,
    slug,
    name: inner.split('/').pop(),
  };
  data.url =
    typeof file.frontMatter.permalink === 'string'
      ? file.frontMatter.permalink
      : docUrl(spec, innerNoExt, slug);
  return { ...file, collection: spec.name, data };
}

function docUrl(spec: CollectionSpec, innerNoExt: string, slug: string): string {
  const pattern = spec.permalink ?? '/:collection/:path:output_ext';
  return pattern
    .replace(/:collection/g, spec.name)
    .replace(/:path/g, innerNoExt)
    .replace(/:(name|title|slug)/g, slug)
    .replace(/:output_ext/g, '.html');
}
