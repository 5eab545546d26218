/**
 * Structure-tree fixes for PDF/UA-1 (which is based on PDF 1.7):
 * - a RoleMap for every type Chromium writes that PDF 1.7 does not define (PDF 2.0 names
 *   such as Strong, Em, Aside);
 * - no Figure without alternative text: the outer Figure Chromium writes for <figure>
 *   becomes a Div (its image keeps its own Figure and alt); a Figure with no alt at all
 *   (a decorative image) becomes NonStruct;
 * - every TH has a /Scope;
 * - every list item is Lbl + LBody: Chromium puts an LI's content straight into the LI.
 */
import {
  PDFArray,
  PDFDict,
  PDFName,
  PDFRef,
  PDFString,
  PDFHexString,
  type PDFDocument,
  type PDFObject,
} from 'pdf-lib';
import {
  K,
  S,
  hasDescendant,
  readStructTree,
  structTreeRoot,
  type StructElem,
} from './struct-tree.js';

/** The standard structure types of PDF 1.7 (ISO 32000-1 §14.8.4). */
export const STANDARD_TYPES = new Set(
  (
    'Document Part Art Sect Div BlockQuote Caption TOC TOCI Index NonStruct Private P H H1 H2 H3 H4 H5 H6 ' +
    'L LI Lbl LBody Table TR TH TD THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot ' +
    'Ruby RB RT RP Warichu WT WP Figure Formula Form'
  ).split(' '),
);

/** PDF 2.0 and other names Chromium may write, mapped to their nearest PDF 1.7 type. */
const KNOWN_ROLES: Record<string, string> = {
  Strong: 'Span',
  Em: 'Span',
  Sub: 'Span',
  Mark: 'Span',
  Artifact: 'Span',
  Aside: 'Div', // not Note: PDF/UA requires an /ID on every Note
  FENote: 'Div',
  Title: 'P',
  DocumentFragment: 'Div',
};

const INLINE_PARENTS = new Set([
  'P',
  'Span',
  'Link',
  'Lbl',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TD',
  'TH',
  'Caption',
]);

export function roleFor(type: string, parentType: string | undefined): string {
  return KNOWN_ROLES[type] ?? (parentType && INLINE_PARENTS.has(parentType) ? 'Span' : 'Div');
}

/** Adds RoleMap entries for every non-standard type; returns the types mapped. */
export function addRoleMap(doc: PDFDocument, elems: StructElem[]): Record<string, string> {
  const root = structTreeRoot(doc);
  if (!root) return {};
  const key = PDFName.of('RoleMap');
  const existing = root.lookup(key);
  const map = existing instanceof PDFDict ? existing : doc.context.obj({});
  const added: Record<string, string> = {};
  for (const e of elems) {
    if (STANDARD_TYPES.has(e.type) || added[e.type] || map.has(PDFName.of(e.type))) continue;
    const role = roleFor(e.type, e.parent?.type);
    added[e.type] = role;
    map.set(PDFName.of(e.type), PDFName.of(role));
  }
  if (Object.keys(added).length > 0 || existing) root.set(key, map);
  return added;
}

function altOf(d: PDFDict): string | undefined {
  const alt = d.lookup(PDFName.of('Alt'));
  if (alt instanceof PDFString || alt instanceof PDFHexString) {
    const s = alt.decodeText().trim();
    return s.length > 0 ? s : undefined;
  }
  return undefined;
}

function setType(e: StructElem, type: string): void {
  e.dict.set(S, PDFName.of(type));
  e.type = type;
}

export interface FigureFix {
  unwrapped: number;
  demoted: number;
}

export function fixFigures(elems: StructElem[]): FigureFix {
  const fix: FigureFix = { unwrapped: 0, demoted: 0 };
  // Children before parents, so an outer wrapper sees its images' final state.
  for (let i = elems.length - 1; i >= 0; i--) {
    const e = elems[i]!;
    if (e.type !== 'Figure' || altOf(e.dict)) continue;
    if (hasDescendant(e, (x) => x.type === 'Figure')) {
      setType(e, 'Div');
      fix.unwrapped++;
      continue;
    }
    // An image with empty alt (decorative) or none: there is no text to give it, so it stays
    // tagged but no longer claims to be a figure.
    setType(e, 'NonStruct');
    fix.demoted++;
  }
  return fix;
}

function hasScope(d: PDFDict): boolean {
  const a = d.lookup(PDFName.of('A'));
  const list: unknown[] = a instanceof PDFArray ? a.asArray().map((_, i) => a.lookup(i)) : [a];
  return list.some((x) => x instanceof PDFDict && x.has(PDFName.of('Scope')));
}

/** A TH leading a row of data cells is a row header; any other TH heads its column. */
export function scopeOf(th: StructElem): 'Row' | 'Column' {
  const row = th.parent;
  if (row?.type !== 'TR') return 'Column';
  const inHead = row.parent?.type === 'THead';
  const first = row.children[0] === th;
  return !inHead && first && row.children.some((c) => c.type === 'TD') ? 'Row' : 'Column';
}

export function fixTableHeaders(doc: PDFDocument, elems: StructElem[]): number {
  let fixed = 0;
  for (const e of elems) {
    if (e.type !== 'TH' || hasScope(e.dict)) continue;
    const attr = doc.context.obj({ O: 'Table', Scope: scopeOf(e) });
    const a = e.dict.lookup(PDFName.of('A'));
    if (a instanceof PDFArray) a.push(attr);
    else if (a instanceof PDFDict) e.dict.set(PDFName.of('A'), doc.context.obj([a, attr]));
    else e.dict.set(PDFName.of('A'), attr);
    fixed++;
  }
  return fixed;
}

const P = PDFName.of('P');

/**
 * Wraps the content of every list item without an LBody into one (ISO 32000-1 §14.8.4.3.3:
 * an LI holds a Lbl and an LBody). Leading Lbl elements stay in the LI. Only items whose
 * children are all structure elements are changed: a marked-content id directly in an LI
 * would need its ParentTree entry moved too, and Chromium does not write those.
 */
export function addListBodies(doc: PDFDocument, elems: StructElem[]): number {
  let wrapped = 0;
  for (const li of elems) {
    if (li.type !== 'LI' || li.children.some((c) => c.type === 'LBody')) continue;
    const k = li.dict.get(K);
    const kids: PDFObject[] = k instanceof PDFArray ? k.asArray() : k ? [k] : [];
    const dicts = kids.map((x) => (x instanceof PDFRef ? doc.context.lookup(x) : x));
    if (!dicts.every((d) => d instanceof PDFDict && d.get(S) instanceof PDFName)) continue;
    const lead = dicts.findIndex((d) => (d as PDFDict).get(S) !== PDFName.of('Lbl'));
    if (lead < 0) continue; // only labels: nothing to wrap
    const liRef = (dicts[0] as PDFDict).get(P);
    if (!(liRef instanceof PDFRef) || doc.context.lookup(liRef) !== li.dict) continue;
    const bodyRef = doc.context.nextRef();
    const body = doc.context.obj({ Type: 'StructElem', S: 'LBody' }) as PDFDict;
    body.set(P, liRef);
    body.set(K, doc.context.obj(kids.slice(lead)));
    doc.context.assign(bodyRef, body);
    for (const d of dicts.slice(lead)) (d as PDFDict).set(P, bodyRef);
    li.dict.set(K, doc.context.obj([...kids.slice(0, lead), bodyRef]));
    wrapped++;
  }
  return wrapped;
}

export { readStructTree };
