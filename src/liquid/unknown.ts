/**
 * An unknown tag or filter: one message naming it, saying whether Jekyll has it (a built-in the
 * handbook does not support, or a plugin's) or whether it is no Jekyll built-in at all.
 */

/** Jekyll 4.3's tags and filters beyond Liquid's own that the handbook does not render. */
const UNSUPPORTED_BUILTIN_FILTERS = new Set(['sassify', 'scssify']);

/** Tags and filters of common Jekyll plugins (GitHub Pages' set): a site's own layout uses them. */
const PLUGIN_TAGS: Record<string, string> = {
  seo: 'jekyll-seo-tag',
  feed_meta: 'jekyll-feed',
  include_cached: 'jekyll-include-cache',
  github_edit_link: 'jekyll-github-metadata',
  avatar: 'jekyll-avatar',
  gist: 'jekyll-gist',
  mentions: 'jemoji/jekyll-mentions',
  octicon: 'jekyll-octicons',
  asset: 'jekyll-assets',
  t: 'jekyll-multiple-languages',
};
const PLUGIN_FILTERS: Record<string, string> = {
  emojify: 'jemoji',
  mentionify: 'jekyll-mentions',
  titleize: 'jekyll-titles-from-headings',
  asset_path: 'jekyll-assets',
};

export interface Unknown {
  message: string;
  hint: string;
}

/** The message for a liquidjs "tag … not found" / "undefined filter" error, else undefined. */
export function unknownName(liquidMessage: string): Unknown | undefined {
  const tag = /tag "?([\w-]+)"? not found/.exec(liquidMessage)?.[1];
  if (tag) {
    const plugin = PLUGIN_TAGS[tag];
    return {
      message: plugin
        ? `{% ${tag} %} is a tag of the Jekyll plugin ${plugin}, not a Jekyll built-in; the handbook does not run plugins`
        : `{% ${tag} %} is not a Jekyll built-in tag (nor a Liquid one)`,
      hint: plugin
        ? `remove it from the page, or wrap it in {% comment %}…{% endcomment %} (plugins only affect the website)`
        : 'Jekyll has highlight, include, include_relative, link, post_url and raw besides Liquid’s own tags; check the spelling',
    };
  }
  const filter = /undefined filter:? "?([\w-]+)"?/.exec(liquidMessage)?.[1];
  if (filter) {
    const plugin = PLUGIN_FILTERS[filter];
    return {
      message: UNSUPPORTED_BUILTIN_FILTERS.has(filter)
        ? `the filter ${filter} is a Jekyll built-in the handbook does not support`
        : plugin
          ? `the filter ${filter} comes from the Jekyll plugin ${plugin}, not a Jekyll built-in; the handbook does not run plugins`
          : `the filter ${filter} is not a Jekyll built-in filter (nor a Liquid one)`,
      hint: 'remove the filter, or check its spelling (e.g. relative_url, markdownify, date_to_string)',
    };
  }
  return undefined;
}
