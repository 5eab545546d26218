import type { HandbookMeta, SourceTree } from '../model.js';
import { siteString } from './resolver.js';

/** Handbook metadata: handbook.yml first, then _config.yml; version and date from the caller. */
export function handbookMeta(
  tree: SourceTree,
  meta: { version: string; date: string },
): HandbookMeta {
  const config = tree.config ?? ({} as SourceTree['config']);
  const pick = (...values: (string | undefined)[]) =>
    values.find((v) => typeof v === 'string' && v.trim() !== '');
  const out: HandbookMeta = {
    // Jekyll themes name the site differently: `title`, the documentation theme's
    // `site_title`, or `name`.
    title:
      pick(
        config.title,
        siteString(tree.site, 'title'),
        siteString(tree.site, 'site_title'),
        siteString(tree.site, 'name'),
      ) ?? 'Handbook',
    language: pick(config.language, siteString(tree.site, 'lang')) ?? 'en-GB',
    version: meta.version,
    date: meta.date,
  };
  const subtitle = pick(config.subtitle);
  // The documentation theme's `company_name`, the site's `publisher`, else the site's `author`
  // when it is a name (the cover's band).
  const organisation = pick(
    config.organisation,
    siteString(tree.site, 'company_name'),
    siteString(tree.site, 'publisher'),
    siteString(tree.site, 'author'),
  );
  const author = pick(config.author, siteString(tree.site, 'author'));
  const description = pick(config.description, siteString(tree.site, 'description'));
  if (subtitle) out.subtitle = subtitle;
  if (organisation) out.organisation = organisation;
  if (author) out.author = author;
  if (description) out.description = description;
  return out;
}
