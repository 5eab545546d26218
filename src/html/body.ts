/**
 * A chapter body as HTML. The tree is cloned (the DOCX renderer reads the same Handbook),
 * adjusted for output, and serialised with hast-util-to-html: Markdown is never re-parsed.
 */
import type { Element, Root } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { visit, SKIP } from 'unist-util-visit';
import type { Chapter } from '../model.js';
import type { RenderMode } from './assets.js';
import { inlineImages } from './images.js';
import { addLinkNotes, type LinkNote } from './link-notes.js';
import { replaceAt } from '../arrays.js';
import { STANDARD_PROFILE, type PrintProfile } from '../large-print.js';
import { markWideTables } from './wide-tables.js';

export interface RenderedBody {
  html: string;
  notes: LinkNote[];
  /**
   * Print with notes: the body's last block, set apart so that the chapter template keeps it
   * on one page with the notes (a page never holds only "Links in this chapter").
   */
  lastHtml: string;
}

export async function renderBody(
  chapter: Chapter,
  mode: RenderMode,
  ids: Set<string>,
  assetsRoot: string | undefined,
  profile: PrintProfile = STANDARD_PROFILE,
): Promise<RenderedBody> {
  const tree = structuredClone(chapter.body);
  removeComments(tree);
  scopeTableHeaders(tree);
  unwrapBareFigures(tree);
  numberSteps(tree);
  markWideTables(tree, profile);
  await inlineImages(tree, assetsRoot);
  const notes =
    mode === 'print' && chapter.kind === 'chapter' ? addLinkNotes(tree, chapter.id, ids) : [];
  let lastHtml = '';
  if (notes.length > 0) {
    const at = tree.children.findLastIndex((c) => c.type === 'element');
    if (at >= 0) lastHtml = toHtml({ type: 'root', children: tree.children.splice(at) });
  }
  return { html: toHtml(tree), notes, lastHtml };
}

/** Editors' notes live in comments; the Markdown stage drops them, this makes sure. */
export function removeComments(tree: Root): void {
  visit(tree, 'comment', (_node, index, parent) => {
    if (parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
}

/**
 * Header cells get an explicit scope: screen readers and PDF tagging (Chromium writes
 * /Scope from it) then know which cells a header governs. A row made only of header cells
 * (the GFM thead, or a headless HTML table's first row) holds column headers; a header cell
 * among data cells heads its row.
 */
export function scopeTableHeaders(tree: Root): void {
  visit(tree, 'element', (row) => {
    if (row.tagName !== 'tr') return;
    const cells = row.children.filter(
      (c): c is Element => c.type === 'element' && (c.tagName === 'th' || c.tagName === 'td'),
    );
    const allHeaders = cells.every((c) => c.tagName === 'th');
    for (const cell of cells) {
      if (cell.tagName === 'th' && !cell.properties.scope) {
        cell.properties.scope = allHeaders ? 'col' : 'row';
      }
    }
  });
}

/** A figure without a caption is just an image: a Figure tag with nothing to say is noise. */
export function unwrapBareFigures(tree: Root): void {
  visit(tree, 'element', (node, index, parent) => {
    if (node.tagName !== 'figure' || !parent || index === undefined) return undefined;
    const captioned = node.children.some((c) => c.type === 'element' && c.tagName === 'figcaption');
    if (captioned) return undefined;
    replaceAt(parent.children, index, node.children as Element[]);
    return [SKIP, index];
  });
}

/**
 * Each step carries its number as an attribute that the stylesheet prints as the item's
 * ::marker (`content: attr(data-hb-n)`): Chromium tags a marker's literal text as real
 * content in the LI's Lbl, where a CSS counter would be drawn as an artifact and never read.
 */
function numberSteps(tree: Root): void {
  visit(tree, 'element', (node) => {
    if (node.tagName !== 'ol' || !hasClass(node, 'hb-steps')) return;
    let n = 0;
    for (const li of node.children)
      if (li.type === 'element' && li.tagName === 'li') li.properties.dataHbN = String(++n);
  });
}

function hasClass(node: Element, name: string): boolean {
  const c = node.properties.className;
  return Array.isArray(c) && c.includes(name);
}
