/**
 * List labels and artifacts, read back from the bytes (no import from src/):
 * - every item of a numbered list (L with a /ListNumbering other than None or a bullet) has a
 *   Lbl holding real text, and every Lbl that reads as a number belongs to an L that declares
 *   /ListNumbering (assistive technology announces "1", "[2]" from the tags, not the page);
 * - Matterhorn 01-002 ("real content marked as artifact"): text inside /Artifact marked
 *   content appears only in the running head and foot bands of a page.
 */
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { listOf, str, structRoot, type PdfJsPage } from './inspect.js';
import type { CheckResult } from './ua-check.js';

export interface LabelledItem {
  /** The L's /ListNumbering, or undefined when it declares none. */
  numbering: string | undefined;
  /** Text of the item's Lbl ('' when the Lbl holds no text, undefined when there is none). */
  label: string | undefined;
  /** Text of the whole item. */
  text: string;
}

const name = (s: string): PDFName => PDFName.of(s);
const BULLETS = new Set(['None', 'Disc', 'Circle', 'Square']);
/** Page head and foot bands in points (print.css: 24 mm top and 22 mm bottom margins). */
const HEAD_BAND = 24 * 2.835;
const FOOT_BAND = 22 * 2.835;

function listNumbering(doc: PDFDocument, l: PDFDict): string | undefined {
  for (const a of listOf(doc, l.get(name('A'))))
    if (a instanceof PDFDict && a.has(name('ListNumbering')))
      return str(a.get(name('ListNumbering')));
  return undefined;
}

/** Every list item with its L's numbering, its Lbl's text and its own text. */
export function listItems(doc: PDFDocument, pages: PdfJsPage[]): LabelledItem[] {
  const pageNo = new Map<string, number>();
  doc.getPages().forEach((p, i) => pageNo.set(p.ref.toString(), i));
  const pageOf = (d: PDFDict, inherited: number | undefined): number | undefined => {
    const pg = d.get(name('Pg'));
    return pg instanceof PDFRef ? (pageNo.get(pg.toString()) ?? inherited) : inherited;
  };
  const textOf = (d: PDFDict, page: number | undefined): string => {
    const here = pageOf(d, page);
    return listOf(doc, d.get(name('K')))
      .map((k) => {
        if (k instanceof PDFNumber) return pages[here ?? -1]?.mcText.get(k.asNumber()) ?? '';
        if (!(k instanceof PDFDict)) return '';
        const mcid = k.get(name('MCID'));
        if (mcid instanceof PDFNumber)
          return pages[pageOf(k, here) ?? -1]?.mcText.get(mcid.asNumber()) ?? '';
        return k.get(name('S')) instanceof PDFName ? textOf(k, here) : '';
      })
      .join('');
  };
  const out: LabelledItem[] = [];
  const root = structRoot(doc);
  const stack: { d: PDFDict; page: number | undefined }[] = root
    ? [{ d: root, page: undefined }]
    : [];
  const seen = new Set<PDFDict>();
  while (stack.length > 0) {
    const { d, page } = stack.pop()!;
    if (seen.has(d)) continue;
    seen.add(d);
    const here = pageOf(d, page);
    const kids = listOf(doc, d.get(name('K'))).filter(
      (k): k is PDFDict => k instanceof PDFDict && k.get(name('S')) instanceof PDFName,
    );
    if (str(d.get(name('S'))) === 'L') {
      const numbering = listNumbering(doc, d);
      for (const li of kids.filter((k) => str(k.get(name('S'))) === 'LI')) {
        const lblKids = listOf(doc, li.get(name('K'))).filter(
          (k): k is PDFDict => k instanceof PDFDict && str(k.get(name('S'))) === 'Lbl',
        );
        const label = lblKids.length
          ? lblKids
              .map((l) => textOf(l, here))
              .join('')
              .trim()
          : undefined;
        out.push({ numbering, label, text: textOf(li, here).replace(/\s+/g, ' ').trim() });
      }
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ d: kids[i]!, page: here });
  }
  return out;
}

function result(condition: string, problems: string[], extra?: string): CheckResult {
  const detail =
    problems.slice(0, 5).join('; ') +
    (problems.length > 5 ? ` (+${problems.length - 5} more)` : '');
  return problems.length
    ? { condition, ok: false, detail }
    : { condition, ok: true, ...(extra ? { detail: extra } : {}) };
}

export function labelChecks(doc: PDFDocument, pages: PdfJsPage[]): CheckResult[] {
  const items = listItems(doc, pages);
  const numbered = items.filter((i) => i.numbering && !BULLETS.has(i.numbering));
  const unlabelled = numbered
    .filter((i) => !/[\p{N}\p{L}]/u.test(i.label ?? ''))
    .map((i) => `"${i.text.slice(0, 40)}"`);
  const undeclared = items
    .filter((i) => i.label && /\d/.test(i.label) && !i.numbering)
    .map((i) => `Lbl "${i.label}" in an L without /ListNumbering`);
  const furniture = pages.flatMap((p, n) =>
    p.artifactText
      .filter((t) => t.y > FOOT_BAND && t.y < p.size[1] - HEAD_BAND)
      .map((t) => `page ${n + 1}: "${t.s}"`),
  );
  return [
    result(
      'every item of a numbered list has a Lbl with its number as real text',
      unlabelled,
      `${numbered.length} numbered items`,
    ),
    result('every numbered Lbl belongs to an L with /ListNumbering', undeclared),
    result('no artifact holds text other than page furniture (Matterhorn 01-002)', furniture),
  ];
}

/** /ActualText of every structure element that has one, in document order (trimmed). */
export function actualTexts(doc: PDFDocument): string[] {
  const out: string[] = [];
  const root = structRoot(doc);
  const stack: PDFDict[] = root ? [root] : [];
  const seen = new Set<PDFDict>();
  while (stack.length > 0) {
    const d = stack.pop()!;
    if (seen.has(d)) continue;
    seen.add(d);
    const t = str(d.get(name('ActualText')));
    if (t !== undefined) out.push(t.trim());
    const kids = listOf(doc, d.get(name('K'))).filter(
      (k): k is PDFDict => k instanceof PDFDict && k.get(name('S')) instanceof PDFName,
    );
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return out;
}
