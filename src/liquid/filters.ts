/**
 * Jekyll's filters that liquidjs lacks or implements differently (`where` compares as strings
 * and matches array members; `sort` puts nils first), plus the URL filters.
 */
import type { Liquid } from 'liquidjs';
import { kramdownOptions } from '../markdown/options.js';
import { fragmentPlaceholder } from '../markdown/fragments.js';
import { markdownify } from './markdownify.js';
import { smartify } from './smartify.js';

export function registerJekyllFilters(liquid: Liquid, site: Record<string, unknown>): void {
  const baseurl = typeof site.baseurl === 'string' ? site.baseurl : '';
  const siteUrl = typeof site.url === 'string' ? site.url : '';
  const kramdown = kramdownOptions(site);
  liquid.registerFilter('markdownify', (input: unknown) =>
    markdownify(input === undefined || input === null ? '' : String(input), kramdown),
  );
  // The toolchain's templates: Markdown left for the Markdown stage to read with the page.
  liquid.registerFilter('hb_markdown', (input: unknown) =>
    fragmentPlaceholder(input === undefined || input === null ? '' : String(input)),
  );
  liquid.registerFilter('relative_url', (input: unknown) => relativeUrl(input, baseurl));
  liquid.registerFilter('absolute_url', (input: unknown) => absoluteUrl(input, baseurl, siteUrl));
  liquid.registerFilter('where', where);
  liquid.registerFilter('sort', sort);
  liquid.registerFilter('smartify', (input: unknown) => smartify(text(input)));
  liquid.registerFilter('xml_escape', xmlEscape);
  liquid.registerFilter('inspect', (input: unknown) => xmlEscape(rubyInspect(input)));
  liquid.registerFilter('group_by_exp', function (this: unknown, input, name, expr) {
    return groupByExp(liquid, input, String(name), String(expr));
  });
}

/** Jekyll's xml_escape: the five XML entities by name. */
export function xmlEscape(input: unknown): string {
  const map: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&apos;',
  };
  return text(input).replace(/[&<>"']/g, (c) => map[c] ?? c);
}

/** Ruby's `inspect`, which Jekyll's `inspect` filter prints (then escapes). */
export function rubyInspect(value: unknown): string {
  if (value === undefined || value === null) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(rubyInspect).join(', ')}]`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}=>${rubyInspect(v)}`)
      .join(', ')}}`;
  return String(value);
}

/** Jekyll's group_by_exp: the expression is full Liquid (filters included), per item. */
function groupByExp(liquid: Liquid, input: unknown, name: string, expr: string): unknown[] {
  const groups = new Map<string, unknown[]>();
  for (const item of asArray(input)) {
    const key = liquid.parseAndRenderSync(`{{ ${expr} }}`, { [name]: item });
    const list = groups.get(key) ?? [];
    list.push(item);
    groups.set(key, list);
  }
  return [...groups].map(([key, items]) => ({ name: key, items, size: items.length }));
}

/** Jekyll: absolute URLs pass; others get a leading slash and the baseurl in front. */
export function relativeUrl(input: unknown, baseurl: string): string {
  if (input === undefined || input === null) return '';
  const text = String(input);
  if (/^[a-z][a-z0-9+.-]*:/i.test(text) || text.startsWith('//')) return text;
  const base = baseurl.replace(/\/+$/, '');
  const prefix = base === '' ? '' : base.startsWith('/') ? base : `/${base}`;
  return `${prefix}${text.startsWith('/') ? text : `/${text}`}`;
}

export function absoluteUrl(input: unknown, baseurl: string, siteUrl: string): string {
  const rel = relativeUrl(input, baseurl);
  if (rel === '' || /^[a-z][a-z0-9+.-]*:/i.test(rel) || rel.startsWith('//')) return rel;
  return `${siteUrl.replace(/\/+$/, '')}${rel}`;
}

function asArray(input: unknown): unknown[] {
  if (Array.isArray(input)) return input;
  if (input && typeof input === 'object') return Object.values(input);
  return input === undefined || input === null ? [] : [input];
}

function prop(item: unknown, key: unknown): unknown {
  return item && typeof item === 'object'
    ? (item as Record<string, unknown>)[String(key)]
    : undefined;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

export function where(input: unknown, property: unknown, value: unknown): unknown[] {
  return asArray(input).filter((item) => {
    const v = prop(item, property);
    if (Array.isArray(v)) return v.some((x) => text(x) === text(value));
    return text(v) === text(value);
  });
}

export function sort(input: unknown, property?: unknown, nils: unknown = 'first'): unknown[] {
  const key = (item: unknown): unknown => (property === undefined ? item : prop(item, property));
  const nilsLast = nils === 'last';
  return [...asArray(input)].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const [xNil, yNil] = [x === undefined || x === null, y === undefined || y === null];
    if (xNil || yNil) return xNil && yNil ? 0 : xNil === nilsLast ? 1 : -1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return text(x) < text(y) ? -1 : text(x) > text(y) ? 1 : 0;
  });
}
