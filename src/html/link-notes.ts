/**
 * Print mode: external links become numbered notes.
 *
 * Why notes and not the URL printed inline after each link: the guide's URLs are long
 * (NHS Digital pages run to 150+ characters, some carry tracking queries), and printing
 * them inside sentences would wreck paragraphs and justify lines into rivers. A superscript
 * marker keeps the sentence readable and the chapter's "Links in this chapter" list gives
 * the full URL, so the paper copy stays usable.
 *
 * Numbering restarts in every chapter (a reader finds the list at the end of the chapter
 * they are reading) and one URL keeps one number within a chapter. Links whose visible text
 * already is the URL need no note. The appendix is not processed: it prints its URLs.
 */
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

export interface LinkNote {
  /** 1-based, per chapter. */
  n: number;
  /** The id of the list item (target of the marker). */
  id: string;
  /** Visible text of the first link to this URL. */
  text: string;
  url: string;
  /** What the note prints: the URL, or for a mailto link the bare address (no subject). */
  shown: string;
  /** The note's label, "[1]": real text of the list item's marker (tagged Lbl in the PDF). */
  label: string;
}

/** A mailto link's address, percent-decoding undone, query (subject, body) left out. */
export function mailAddress(href: string): string | undefined {
  const m = /^mailto:([^?#]*)/i.exec(href);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return m[1]!;
  }
}

export function isExternal(href: string): boolean {
  return /^(https?:\/\/|mailto:)/i.test(href);
}

/** Compares a link's text with its URL, ignoring scheme, `www.` and a trailing slash. */
export function textIsUrl(text: string, href: string): boolean {
  const address = mailAddress(href);
  if (address !== undefined) return text.trim().toLowerCase() === address.toLowerCase();
  const norm = (s: string): string =>
    s
      .trim()
      .toLowerCase()
      .replace(/^(https?:\/\/|mailto:)/, '')
      .replace(/^www\./, '')
      .replace(/\/$/, '');
  return norm(text) === norm(href);
}

/** A fresh id that is not yet in `taken` (which is updated). */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}

/** A link that gets a note: external, and its visible text is not already the URL. */
function needsNote(node: Element): boolean {
  if (node.tagName !== 'a') return false;
  const href = String(node.properties.href ?? '');
  return isExternal(href) && !textIsUrl(toText(node), href);
}

/**
 * The notes a chapter body gets, in number order (one per URL), without ids: the one
 * decision, used by addLinkNotes and by the PDF's link descriptions.
 */
export function noteTargets(tree: Root): Omit<LinkNote, 'id'>[] {
  const notes = new Map<string, Omit<LinkNote, 'id'>>();
  visit(tree, 'element', (node) => {
    if (!needsNote(node)) return;
    const url = String(node.properties.href);
    if (notes.has(url)) return;
    const n = notes.size + 1;
    const text = toText(node).replace(/\s+/g, ' ').trim() || url;
    notes.set(url, { n, text, url, shown: mailAddress(url) ?? url, label: `[${n}]` });
  });
  return [...notes.values()];
}

/** The id base of note `n` of a chapter (uniqueId may add a suffix). */
export const noteIdBase = (chapterId: string, n: number): string => `${chapterId}-link-${n}`;

/**
 * Adds a marker after every external link of `tree` (mutates it: callers pass a clone) and
 * returns the notes in number order. `ids` holds every id of the document.
 */
export function addLinkNotes(tree: Root, chapterId: string, ids: Set<string>): LinkNote[] {
  const byUrl = new Map<string, LinkNote>();
  for (const t of noteTargets(tree))
    byUrl.set(t.url, { ...t, id: uniqueId(noteIdBase(chapterId, t.n), ids) });
  const found: { link: Element; parent: Root | Element }[] = [];
  visit(tree, 'element', (node, _index, parent) => {
    if (parent && needsNote(node)) found.push({ link: node, parent });
  });
  for (const { link, parent } of found) {
    const note = byUrl.get(String(link.properties.href))!;
    const at = parent.children.indexOf(link);
    parent.children.splice(at + 1, 0, marker(note));
  }
  return [...byUrl.values()];
}

/**
 * The marker: a superscript "[1]" linking to the note. No hidden "link note" words: on paper
 * they could only be tiny stray text (a line of their own in text extraction); the PDF's link
 * description says it instead ("Link note 1: <link text> (<address>)", finish/links.ts).
 */
function marker(note: LinkNote): ElementContent {
  return {
    type: 'element',
    tagName: 'sup',
    properties: { className: ['hb-note-ref'] },
    children: [
      {
        type: 'element',
        tagName: 'a',
        properties: { href: `#${note.id}` },
        children: [{ type: 'text', value: note.label }],
      },
    ],
  };
}
