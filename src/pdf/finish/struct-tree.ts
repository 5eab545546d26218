/**
 * Reading the structure tree that Chromium wrote: one iterative walk that returns every
 * structure element with its type and parent, so the fixes (RoleMap, figures, table headers)
 * each run in one linear pass.
 */
import type { PdfDocument } from './pdf-document.js';
import { PdfArray, PdfDict, PdfName, type PdfValue } from './pdf-objects.js';

export interface StructElem {
  dict: PdfDict;
  /** Structure type without the slash (`H1`, `Figure`, `Strong`). */
  type: string;
  parent: StructElem | undefined;
  /** Structure-element children, in order (marked-content ids and OBJRs left out). */
  children: StructElem[];
}

/** The children under /K that are structure elements, as dictionaries. */
function kids(doc: PdfDocument, dict: PdfDict): PdfDict[] {
  const k = dict.get('K');
  const list: readonly (PdfValue | undefined)[] = k instanceof PdfArray ? k.items : [k];
  const out: PdfDict[] = [];
  for (const item of list) {
    const d = doc.dict(item);
    // Only structure elements: marked-content references (MCR) and OBJRs have /Type but no /S.
    if (d && d.get('S') instanceof PdfName) out.push(d);
  }
  return out;
}

export function structTreeRoot(doc: PdfDocument): PdfDict | undefined {
  return doc.dict(doc.catalog.get('StructTreeRoot'));
}

/** Every structure element in document order (depth first). */
export function readStructTree(doc: PdfDocument): StructElem[] {
  const root = structTreeRoot(doc);
  if (!root) return [];
  const all: StructElem[] = [];
  const seen = new Set<PdfDict>();
  const stack: { dict: PdfDict; parent: StructElem | undefined }[] = kids(doc, root)
    .reverse()
    .map((dict) => ({ dict, parent: undefined }));
  while (stack.length > 0) {
    const { dict, parent } = stack.pop()!;
    if (seen.has(dict)) continue; // a malformed tree may share a node; never loop
    seen.add(dict);
    const elem: StructElem = {
      dict,
      type: (dict.get('S') as PdfName).text,
      parent,
      children: [],
    };
    parent?.children.push(elem);
    all.push(elem);
    const children = kids(doc, dict);
    for (let i = children.length - 1; i >= 0; i--) stack.push({ dict: children[i]!, parent: elem });
  }
  return all;
}

export function hasDescendant(e: StructElem, pred: (x: StructElem) => boolean): boolean {
  const stack = [...e.children];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (pred(x)) return true;
    stack.push(...x.children);
  }
  return false;
}
