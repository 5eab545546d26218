/**
 * The deep package check of issue 12: what Word's own validation and careful readers rely on,
 * checked on the bytes alone (any .docx). Schema child order in w:pPr, w:rPr and w:sectPr
 * (ECMA-376 Part 1, the CT_PPrBase, CT_RPr and CT_SectPr sequences), every style reference
 * resolving to a style of the right type, bookmarks unique, paired and every reference to
 * one resolving, fields well-formed; and the book conventions: a cover without header or
 * footer, chapter breaks and character emphasis from styles.
 */
import { child, descendants, kids, wText, type XmlElement } from './xml-walk.js';
import type { Pkg } from './docx-package.js';

export interface DeepResult {
  condition: string;
  ok: boolean;
  detail?: string;
}

const W = (names: string) => names.split(' ').map((n) => `w:${n}`);
const ORDER: Record<string, string[]> = {
  'w:pPr': W(
    'pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange',
  ),
  'w:rPr': W(
    'ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath rPrChange',
  ),
  'w:sectPr': W(
    'headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid printerSettings sectPrChange',
  ),
};
/** Header and footer references may come in any order among themselves. */
const rank = (order: string[], name: string) =>
  name === 'w:footerReference' ? order.indexOf('w:headerReference') : order.indexOf(name);

const result = (condition: string, problems: string[]): DeepResult =>
  problems.length
    ? { condition, ok: false, detail: problems.slice(0, 5).join('; ') }
    : { condition, ok: true };

/** Parts that hold WordprocessingML content or properties. */
function wmlParts(pkg: Pkg): [string, XmlElement][] {
  return [...pkg.xml].filter(([n]) =>
    /^word\/(document|styles|numbering|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(n),
  );
}

function checkOrder(pkg: Pkg): DeepResult {
  const problems: string[] = [];
  for (const [name, root] of wmlParts(pkg))
    for (const [tag, order] of Object.entries(ORDER))
      for (const el of descendants(root, tag)) {
        let last = -1;
        for (const k of kids(el)) {
          const r = rank(order, k.name);
          if (r < 0) continue; // extensions (w14:…) and unknown children: not ours to order
          if (r < last) problems.push(`${name}: ${k.name} out of order in ${tag}`);
          last = Math.max(last, r);
        }
      }
  return result('schema child order in w:pPr, w:rPr, w:sectPr', [...new Set(problems)]);
}

type StyleTable = Map<string, string>;

function styleTable(pkg: Pkg): StyleTable {
  const types: StyleTable = new Map();
  for (const s of descendants(
    pkg.part('word/styles.xml') ?? { name: '', attrs: {}, children: [] },
    'w:style',
  ))
    types.set(s.attrs['w:styleId'] ?? '', s.attrs['w:type'] ?? 'paragraph');
  return types;
}

function checkStyleRefs(pkg: Pkg): DeepResult {
  const types = styleTable(pkg);
  const problems: string[] = [];
  const expect = (id: string | undefined, type: string, where: string) => {
    if (id === undefined) return;
    const t = types.get(id);
    if (t !== type) problems.push(`${where}: ${id} ${t ? `is a ${t} style` : 'is not defined'}`);
  };
  const refs: [string, string][] = [
    ['w:pStyle', 'paragraph'],
    ['w:rStyle', 'character'],
    ['w:tblStyle', 'table'],
  ];
  for (const [name, root] of wmlParts(pkg))
    for (const [tag, type] of refs)
      for (const el of descendants(root, tag))
        if (!(name === 'word/styles.xml' && tag === 'w:pStyle'))
          expect(el.attrs['w:val'], type, name);
  for (const s of descendants(
    pkg.part('word/styles.xml') ?? { name: '', attrs: {}, children: [] },
    'w:style',
  )) {
    const type = s.attrs['w:type'] ?? 'paragraph';
    const id = s.attrs['w:styleId'] ?? '';
    expect(child(s, 'w:basedOn')?.attrs['w:val'], type, `style ${id} basedOn`);
    expect(child(s, 'w:next')?.attrs['w:val'], type, `style ${id} next`);
  }
  return result('style references resolve (pStyle, rStyle, tblStyle, basedOn, next)', [
    ...new Set(problems),
  ]);
}

/** Field instructions in order, with their begin/separate/end structure checked. */
function fields(root: XmlElement, problems: string[], part: string): string[] {
  const codes: string[] = [];
  const stack: { code: string; separated: boolean }[] = [];
  const walk = (e: XmlElement) => {
    for (const k of kids(e)) {
      if (k.name === 'w:fldChar') {
        const type = k.attrs['w:fldCharType'];
        if (type === 'begin') stack.push({ code: '', separated: false });
        else if (type === 'separate') {
          const top = stack.at(-1);
          if (!top || top.separated) problems.push(`${part}: separate without an open field`);
          else top.separated = true;
        } else if (type === 'end') {
          const top = stack.pop();
          if (!top) problems.push(`${part}: end without begin`);
          else codes.push(top.code.trim());
        }
      } else if (k.name === 'w:instrText') {
        const top = stack.at(-1);
        if (!top || top.separated) problems.push(`${part}: instrText outside a field's code`);
        else top.code += k.children.filter((c) => typeof c === 'string').join('');
      } else if (k.name === 'w:fldSimple') {
        codes.push((k.attrs['w:instr'] ?? '').trim());
        walk(k);
      } else walk(k);
    }
  };
  walk(root);
  if (stack.length) problems.push(`${part}: ${stack.length} field(s) never ended`);
  for (const code of codes)
    if (!/^(TOC|PAGEREF|REF|PAGE|NUMPAGES|SECTIONPAGES|HYPERLINK|DATE|STYLEREF)\b/.test(code))
      problems.push(`${part}: unknown field "${code.slice(0, 40)}"`);
  return codes;
}

function checkFieldsAndBookmarks(pkg: Pkg): DeepResult[] {
  const fieldProblems: string[] = [];
  const bookmarkProblems: string[] = [];
  const names = new Set<string>();
  const targets: string[] = [];
  for (const [part, root] of wmlParts(pkg)) {
    if (part === 'word/styles.xml' || part === 'word/numbering.xml') continue;
    for (const code of fields(root, fieldProblems, part)) {
      const ref = /^(?:PAGEREF|REF)\s+(\S+)/.exec(code)?.[1];
      if (ref) targets.push(ref);
    }
    const ids = new Map<string, number>();
    for (const b of descendants(root, 'w:bookmarkStart')) {
      const name = (b.attrs['w:name'] ?? '').toLowerCase();
      if (names.has(name)) bookmarkProblems.push(`bookmark ${b.attrs['w:name']} twice`);
      names.add(name);
      ids.set(b.attrs['w:id'] ?? '', (ids.get(b.attrs['w:id'] ?? '') ?? 0) + 1);
    }
    for (const [id, n] of ids)
      if (n > 1) bookmarkProblems.push(`${part}: bookmark id ${id} ${n} times`);
    const ends = new Set(descendants(root, 'w:bookmarkEnd').map((e) => e.attrs['w:id']));
    for (const id of ids.keys())
      if (!ends.has(id)) bookmarkProblems.push(`${part}: bookmark id ${id} never ends`);
    for (const h of descendants(root, 'w:hyperlink'))
      if (h.attrs['w:anchor'] !== undefined) targets.push(h.attrs['w:anchor']);
  }
  for (const t of targets)
    if (!names.has(t.toLowerCase())) bookmarkProblems.push(`reference to missing bookmark ${t}`);
  return [
    result('fields well-formed (begin, code, separate, end; known instructions)', [
      ...new Set(fieldProblems),
    ]),
    result('bookmarks unique and paired; every reference to one resolves', [
      ...new Set(bookmarkProblems),
    ]),
  ];
}

/** The first page (the cover) shows no header and no footer. */
function checkCover(pkg: Pkg, body: XmlElement): DeepResult {
  const rels = pkg.rels('word/document.xml');
  const firstSect = descendants(body, 'w:sectPr')[0];
  if (!firstSect) return result('cover page without header and footer', ['no section properties']);
  const problems: string[] = [];
  if (
    !child(firstSect, 'w:titlePg') ||
    ['0', 'false', 'off'].includes(child(firstSect, 'w:titlePg')?.attrs['w:val'] ?? '')
  )
    problems.push('the first section has no titlePg (a different first page)');
  for (const kind of ['header', 'footer']) {
    const ref = kids(firstSect, `w:${kind}Reference`).find((r) => r.attrs['w:type'] === 'first');
    const part = ref && pkg.part(rels.get(ref.attrs['r:id'] ?? '')?.target ?? '');
    // No first-page part is also a blank one; a part must hold no text and no field.
    if (ref && !part) problems.push(`first-page ${kind} part missing`);
    if (
      part &&
      (wText(part).trim() ||
        descendants(part, 'w:fldChar').length ||
        descendants(part, 'w:fldSimple').length)
    )
      problems.push(`first-page ${kind} is not empty: "${wText(part).trim().slice(0, 40)}"`);
  }
  return result('cover page without header and footer', problems);
}

/** Chapter breaks and emphasis from styles: what an editor changes in one place. */
function checkStyleUse(pkg: Pkg, body: XmlElement): DeepResult {
  const styles = pkg.part('word/styles.xml');
  const problems: string[] = [];
  const byName = new Map<string, XmlElement>();
  for (const s of styles ? descendants(styles, 'w:style') : [])
    byName.set((child(s, 'w:name')?.attrs['w:val'] ?? '').toLowerCase(), s);
  const h1 = byName.get('heading 1');
  if (!h1 || !child(child(h1, 'w:pPr'), 'w:pageBreakBefore'))
    problems.push('Heading 1 style without pageBreakBefore');
  for (const name of ['strong', 'emphasis']) {
    const s = byName.get(name);
    if (s && s.attrs['w:type'] !== 'character')
      problems.push(`"${name}" is a ${s.attrs['w:type']} style, not a character style`);
  }
  const direct = descendants(body, 'w:pageBreakBefore').length;
  const breaks = descendants(body, 'w:br').filter((b) => b.attrs['w:type'] === 'page').length;
  if (direct || breaks)
    problems.push(`${direct} direct pageBreakBefore and ${breaks} page breaks in the text`);
  const bold = descendants(body, 'w:rPr').filter(
    (r) => child(r, 'w:b') && !child(r, 'w:rStyle'),
  ).length;
  if (bold) problems.push(`${bold} runs bold by direct formatting without a character style`);
  return result(
    'chapter breaks and emphasis from styles (Heading 1 pageBreakBefore, Strong/Emphasis character styles)',
    problems,
  );
}

const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * No box repeats its label: a paragraph that opens with a bold lead-in "Label:" (how Word
 * shows a box's screen-reader label) must not go on with the same words ("Lesson learnt:
 * Lesson learnt - …").
 */
function checkLabels(body: XmlElement): DeepResult {
  const problems: string[] = [];
  for (const p of descendants(body, 'w:p')) {
    const runs = kids(p, 'w:r').concat(
      descendants(p, 'w:hyperlink').flatMap((h) => kids(h, 'w:r')),
    );
    const firstRun = descendants(p, 'w:r').find((r) => wText(r).trim());
    if (!firstRun || !runs.includes(firstRun)) continue;
    const rPr = child(firstRun, 'w:rPr');
    const style = child(rPr, 'w:rStyle')?.attrs['w:val'];
    if (style !== 'Strong' && !child(rPr, 'w:b')) continue;
    const lead = wText(firstRun).trim();
    if (!lead.endsWith(':')) continue;
    const label = words(lead);
    const rest = words(wText(p).trim().slice(lead.length));
    if (label.length && label.every((w, i) => rest[i] === w))
      problems.push(`"${wText(p).trim().slice(0, 60)}"`);
  }
  return result('no box repeats its label', problems);
}

export function deepChecks(pkg: Pkg, body: XmlElement): DeepResult[] {
  return [
    checkOrder(pkg),
    checkStyleRefs(pkg),
    ...checkFieldsAndBookmarks(pkg),
    checkCover(pkg, body),
    checkStyleUse(pkg, body),
    checkLabels(body),
  ];
}
