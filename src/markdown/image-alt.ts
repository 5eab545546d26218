/**
 * Images keep their `alt`; an image without a text alternative is reported, located by
 * searching the page's source file for its address.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { lineOf, type Diagnostics } from '../diagnostics.js';
import type { Page } from '../model.js';

export function reportImagesWithoutAlt(tree: Root, page: Page, diag: Diagnostics): void {
  visit(tree, 'element', (el) => {
    if (el.tagName !== 'img') return;
    const alt = el.properties.alt;
    if (typeof alt === 'string' && alt.trim() !== '') return;
    const src = typeof el.properties.src === 'string' ? el.properties.src : '';
    diag.warning(
      page.path,
      locate(page.raw, src),
      'image-no-alt',
      `image ${src ? `"${src}" ` : ''}has no alternative text`,
      'describe the image in its alt text: ![what it shows](…)',
    );
  });
}

/** The line of the image's address in the source, trying shorter forms (Liquid may have added a prefix). */
function locate(raw: string, src: string): number | undefined {
  if (!src) return lineOf(raw, '![]') ?? lineOf(raw, '<img');
  const name = src.split('/').pop() ?? src;
  return lineOf(raw, src) ?? lineOf(raw, name);
}
