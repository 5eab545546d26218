/**
 * The print-mode CSS that depends on the handbook: running heads and footers. Chromium has
 * no string-set, so the running head cannot be taken from the chapter's h1; instead every
 * chapter gets its own named page (`page: ch-3`) and an `@page ch-3` rule whose top-center
 * box holds the title as a literal string. Page names are ordinals, not chapter ids: ids may
 * hold characters that are not valid in a CSS identifier.
 *
 * Head and foot are page furniture; the PDF finishing stage marks margin boxes as Artifacts.
 */
import type { HandbookMeta } from '../model.js';
import { cssString } from './css-string.js';
import { formatDate } from '../dates.js';

export interface NamedPage {
  /** CSS page name, e.g. `ch-3`, `app-1`. */
  name: string;
  /** Running head text. */
  head: string;
}

export function pageName(kind: 'chapter' | 'appendix', index: number): string {
  return `${kind === 'chapter' ? 'ch' : 'app'}-${index + 1}`;
}

export function pageCss(meta: HandbookMeta, pages: NamedPage[]): string {
  // An edition's organisation is named on every page (its cover, head and foot say whose it is).
  const org = meta.edition?.organisation?.name;
  const footer = `${org ? `${org} · ` : ''}Version ${meta.version} · ${formatDate(meta.date)}`;
  const rules = [
    '@page {',
    `  @bottom-left { content: "Page " counter(page) " of " counter(pages); }`,
    `  @bottom-right { content: ${cssString(footer)}; }`,
    '}',
    `@page front { @top-center { content: ${cssString(meta.title)}; } }`,
  ];
  for (const p of pages) {
    rules.push(`@page ${p.name} { @top-center { content: ${cssString(p.head)}; } }`);
    rules.push(`[data-hb-page="${p.name}"] { page: ${p.name}; }`);
  }
  return rules.join('\n');
}
