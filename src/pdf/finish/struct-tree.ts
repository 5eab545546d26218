/**
 * Reading the structure tree that Chromium wrote: one iterative walk that returns every
 * structure element with its type and parent, so the fixes (RoleMap, figures, table headers)
 * each run in one linear pass.
 */
import { PDFArray, PDFDict, PDFName, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';
import { pushAll } from '../../arrays.js';

export interface StructElem {
  dict: PDFDict;
  /** Structure type without the slash (`H1`, `Figure`, `Strong`). */
  type: string;
  parent: StructElem | undefined;
  /** Structure-element children, in order (marked-content ids and OBJRs left out). */
  children: StructElem[];
}

export const S = PDFName.of('S');
export const K = PDFName.of('K');

function asDict(doc: PDFDocument, o: PDFObject | undefined): PDFDict | undefined {
  const v = o instanceof PDFRef ? doc.context.lookup(o) : o;
  return v instanceof PDFDict ? v : undefined;
}

function kids(doc: PDFDocument, dict: PDFDict): PDFDict[] {
  const k = dict.get(K);
  const list: PDFObject[] = [];
  if (k instanceof PDFArray) for (let i = 0; i < k.size(); i++) list.push(k.get(i));
  else if (k) list.push(k);
  const out: PDFDict[] = [];
  for (const item of list) {
    const d = asDict(doc, item);
    // Only structure elements: marked-content references (MCR) and OBJRs have /Type but no /S.
    if (d && d.get(S) instanceof PDFName) out.push(d);
  }
  return out;
}

export function structTreeRoot(doc: PDFDocument): PDFDict | undefined {
  return asDict(doc, doc.catalog.get(PDFName.of('StructTreeRoot')));
}

/** Every structure element in document order (depth first). */
export function readStructTree(doc: PDFDocument): StructElem[] {
  const root = structTreeRoot(doc);
  if (!root) return [];
  const all: StructElem[] = [];
  const seen = new Set<PDFDict>();
  const stack: { dict: PDFDict; parent: StructElem | undefined }[] = kids(doc, root)
    .reverse()
    .map((dict) => ({ dict, parent: undefined }));
  while (stack.length > 0) {
    const { dict, parent } = stack.pop()!;
    if (seen.has(dict)) continue; // a malformed tree may share a node; never loop
    seen.add(dict);
    const elem: StructElem = {
      dict,
      type: (dict.get(S) as PDFName).decodeText(),
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
    pushAll(stack, x.children);
  }
  return false;
}
