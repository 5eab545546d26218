/**
 * Sections an edition leaves out, cut from the parsed pages before the transform: a heading
 * and everything under it up to the next heading of its rank or above (any other element with
 * that id: the element alone). Every id inside the cut is recorded, so that the transform turns
 * links into it into plain text with a warning (transform/links.ts).
 */
import type { Element, ElementContent, Parent, Root } from 'hast';
import { HandbookError } from '../errors.js';
import { CONFIG_FILE } from '../load/config.js';
import type { ParsedPage } from '../model.js';
import { elements, headingRank, visibleText, collapse } from '../transform/hast.js';
import type { LeftOut } from './model.js';
import type { SectionRef } from './apply-source.js';
import type { ResolvedEdition } from './resolve.js';

export interface CutSection {
  page: string;
  title: string;
}

export function cutSections(
  pages: ParsedPage[],
  refs: SectionRef[],
  leftOut: LeftOut,
  edition: ResolvedEdition,
): { pages: ParsedPage[]; cut: CutSection[] } {
  const cut: CutSection[] = [];
  let out = pages;
  for (const ref of refs) {
    const at = out.findIndex(
      (p) => (!ref.page || p.page.path === ref.page.path) && hasId(p.tree, ref.id),
    );
    const target = out[at];
    if (!target) throw notFound(ref, edition);
    const tree = structuredClone(target.tree);
    const removed = cut1(tree, ref.id);
    for (const node of removed)
      for (const id of idsIn(node)) leftOut.anchors.add(`${target.page.path}#${id}`);
    cut.push({ page: target.page.path, title: sectionTitle(removed[0], ref.id) });
    out = out.map((p, i) => (i === at ? { ...p, tree } : p));
  }
  return { pages: out, cut };
}

function hasId(root: Root, id: string): boolean {
  for (const { node } of elements(root)) if (node.properties.id === id) return true;
  return false;
}

/** Removes the section (or element) with `id` from the tree; returns what was removed. */
function cut1(root: Root, id: string): ElementContent[] {
  let found: { node: Element; parent: Parent } | undefined;
  for (const e of elements(root)) if (e.node.properties.id === id) found ??= e;
  if (!found) return [];
  const { node, parent } = found;
  const start = parent.children.indexOf(node);
  const rank = headingRank(node);
  let end = start + 1;
  if (rank !== undefined) {
    while (end < parent.children.length) {
      const r = headingRank(parent.children[end] as Element);
      if (r !== undefined && r <= rank) break;
      end++;
    }
  }
  return parent.children.splice(start, end - start) as ElementContent[];
}

function idsIn(node: ElementContent): string[] {
  if (node.type !== 'element') return [];
  const own = typeof node.properties.id === 'string' ? [node.properties.id] : [];
  return [...own, ...node.children.flatMap(idsIn)];
}

function sectionTitle(node: ElementContent | undefined, id: string): string {
  const text = node ? collapse(visibleText(node)) : '';
  return text || `#${id}`;
}

function notFound(ref: SectionRef, edition: ResolvedEdition): HandbookError {
  const where = ref.page ? `${ref.page.path} has` : 'no page has';
  return new HandbookError(
    'CONFIG',
    `${CONFIG_FILE}: editions[${edition.index}].leaveOut[${ref.at}]: ${where} no heading or element with id "${ref.id}"`,
    {
      file: CONFIG_FILE,
      line: edition.loaded.lineOf(['editions', edition.index, 'leaveOut', ref.at]),
      hint: 'give a chapter (/guide/kick-off), a section (/guide/kick-off#agenda) or a heading id',
    },
  );
}
