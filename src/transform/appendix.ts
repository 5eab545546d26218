/**
 * Appendix A: the Information Governance references. The section named in handbook.yml
 * (`appendix.section`: a heading id or its text, on `appendix.page` or on any page) holds a
 * blockquoted list of laws, policies and guidance. The appendix repeats every entry with its
 * full URL printed, so that a paper copy is usable; entries without a link are kept and
 * marked. The section itself stays in its chapter.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Diagnostics } from '../diagnostics.js';
import type { Chapter, SourceTree } from '../model.js';
import { collapse, el, find, headingRank, isElement, trimmed, txt, visibleText } from './hast.js';
import { isComponentHeading } from './headings.js';
import { headingLine } from './locate.js';
import { normalisePath } from './resolver.js';

export interface AppendixInput {
  tree: SourceTree;
  chapters: Chapter[];
  /** Per chapter id: old id → final id (to match a section given by its website id). */
  idMaps: Map<string, Map<string, string>>;
  /** The appendix's id, claimed before content ids so that it is stable. */
  id: string;
  diag: Diagnostics;
}

interface Section {
  chapter: Chapter;
  heading: Element;
  nodes: RootContent[];
}

export function buildAppendix(input: AppendixInput): Chapter | undefined {
  const { tree, diag } = input;
  const cfg = tree.config?.appendix ?? {
    section: 'Information Governance',
    title: 'Information Governance references',
  };
  const sectionName = cfg.section ?? 'Information Governance';
  const candidates = cfg.page
    ? input.chapters.filter(
        (c) =>
          c.source === cfg.page || normalisePath(c.permalink) === normalisePath(cfg.page ?? ''),
      )
    : input.chapters;
  if (cfg.page && candidates.length === 0) {
    diag.warning(
      'handbook.yml',
      undefined,
      'no-appendix-source',
      `appendix.page "${cfg.page}" is not a chapter of the handbook; no appendix is made`,
      'name a page of the handbook (permalink or source path)',
    );
    return undefined;
  }
  const section = candidates
    .map((c) => findSection(c, sectionName, input.idMaps.get(c.id)))
    .find(Boolean);
  // The appendix is configured, not assumed: a site that never had the default section and
  // never asked for an appendix gets none, without a warning.
  if (!section && !tree.config?.appendix) return undefined;
  if (!section) {
    diag.warning(
      cfg.page ? (candidates[0]?.source ?? 'handbook.yml') : 'handbook.yml',
      undefined,
      'no-appendix-source',
      `no section "${sectionName}" found for the appendix; no appendix is made`,
      'set appendix.section in handbook.yml to the heading id or text',
    );
    return undefined;
  }
  const list = referenceList(section.nodes);
  const page = input.tree.pages.find((p) => p.path === section.chapter.source);
  if (!list) {
    const text = collapse(visibleText(section.heading));
    diag.warning(
      section.chapter.source,
      page ? headingLine(page.raw, text) : undefined,
      'no-appendix-source',
      `section "${text}" has no list of references; no appendix is made`,
    );
    return undefined;
  }
  const items = list.children.filter((c): c is Element => isElement(c, 'li')).map(reference);
  const body: Root = {
    type: 'root',
    children: [intro(section), el('ol', { className: ['hb-references'] }, items)],
  };
  return {
    id: input.id,
    kind: 'appendix',
    label: 'Appendix A',
    title: cfg.title ?? 'Information Governance references',
    source: section.chapter.source,
    permalink: section.chapter.permalink,
    body,
    outline: [],
  };
}

function findSection(
  chapter: Chapter,
  name: string,
  ids?: Map<string, string>,
): Section | undefined {
  const wanted = collapse(name).toLowerCase();
  const viaMap = ids?.get(name);
  const kids = chapter.body.children;
  const at = kids.findIndex((k) => {
    if (headingRank(k) === undefined || isComponentHeading(k as Element)) return false;
    const id = (k as Element).properties.id;
    return (
      id === name ||
      (viaMap !== undefined && id === viaMap) ||
      collapse(visibleText(k)).toLowerCase() === wanted
    );
  });
  const heading = kids[at] as Element | undefined;
  if (!heading) return undefined;
  const rank = headingRank(heading) ?? 2;
  const nodes: RootContent[] = [];
  for (const k of kids.slice(at + 1)) {
    const r = headingRank(k);
    if (r !== undefined && r <= rank && !isComponentHeading(k as Element)) break;
    nodes.push(k);
  }
  return { chapter, heading, nodes };
}

/** The section's reference list: the list in a blockquote if there is one, else the first list. */
function referenceList(nodes: RootContent[]): Element | undefined {
  const isList = (e: Element) => e.tagName === 'ul' || e.tagName === 'ol';
  for (const n of nodes) {
    if (isElement(n, 'blockquote')) {
      const list = find(n, isList);
      if (list) return list;
    }
  }
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (isList(n)) return n;
    const list = find(n, isList);
    if (list) return list;
  }
  return undefined;
}

function reference(li: Element): Element {
  const content = structuredClone(inlineContent(li));
  stripIds(content);
  const link = firstLink(content);
  if (!link) {
    return el('li', { className: ['hb-ref', 'hb-ref--nolink'] }, [
      txt(collapse(content.map((c) => visibleText(c)).join(''))),
      txt(' '),
      el('span', { className: ['hb-ref__missing'] }, [txt('(no link available)')]),
    ]);
  }
  const href = String(link.node.properties.href);
  const title = collapse(visibleText(link.node));
  const rest = trimmed(link.siblings);
  const out: ElementContent[] = [el('a', { href }, [txt(title)])];
  if (rest.length > 0 && collapse(rest.map((c) => visibleText(c)).join('')) !== '') {
    out.push(txt(' '), el('span', { className: ['hb-ref__note'] }, trimText(rest)));
  }
  // Then every address on a line of its own, named by the title it belongs to: with two
  // links in an entry, a reader on paper must not have to guess which URL is whose.
  const urls = [{ title, href }, ...furtherLinks(rest)].filter((u) => !u.href.startsWith('#'));
  for (const u of urls)
    out.push(
      txt(' '),
      el('span', { className: ['hb-ref__url'] }, [
        el('span', { className: ['hb-ref__for'] }, [txt(`${u.title}: `)]),
        txt(u.href),
      ]),
    );
  return el('li', { className: ['hb-ref'] }, out);
}

/** The other links of an entry's note, in order: their text and address. */
function furtherLinks(nodes: ElementContent[]): { title: string; href: string }[] {
  const out: { title: string; href: string }[] = [];
  const walk = (list: ElementContent[]): void => {
    for (const n of list) {
      if (!isElement(n)) continue;
      if (n.tagName === 'a' && typeof n.properties.href === 'string')
        out.push({ title: collapse(visibleText(n)), href: n.properties.href });
      else walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** The entry's phrasing content (a loose list wraps it in paragraphs; nested lists are left out). */
function inlineContent(li: Element): ElementContent[] {
  return li.children.flatMap((c) => {
    if (isElement(c, 'p')) return [...c.children, txt(' ')];
    if (isElement(c, 'ul') || isElement(c, 'ol')) return [];
    return [c];
  });
}

function firstLink(
  content: ElementContent[],
): { node: Element; siblings: ElementContent[] } | undefined {
  const i = content.findIndex((c) => isElement(c, 'a') && typeof c.properties.href === 'string');
  const node = content[i];
  if (!isElement(node)) return undefined;
  return { node, siblings: [...content.slice(0, i), ...content.slice(i + 1)] };
}

function trimText(nodes: ElementContent[]): ElementContent[] {
  const out = [...nodes];
  const first = out[0];
  if (first?.type === 'text') out[0] = txt(first.value.replace(/^\s+/, ''));
  const last = out.at(-1);
  if (last?.type === 'text') out[out.length - 1] = txt(last.value.replace(/\s+$/, ''));
  return out;
}

function stripIds(nodes: ElementContent[]): void {
  for (const n of nodes) {
    if (n.type !== 'element') continue;
    delete n.properties.id;
    stripIds(n.children);
  }
}

function intro(section: Section): Element {
  const name = collapse(visibleText(section.heading));
  const id = section.heading.properties.id;
  const ref = typeof id === 'string' ? el('a', { href: `#${id}` }, [txt(name)]) : txt(name);
  return el('p', {}, [
    txt('These are the laws, policies, standards and guidance listed under '),
    ref,
    txt(
      ` in the chapter “${section.chapter.title}”. Each entry shows its full web address so that a printed copy can be used; an entry without one is marked.`,
    ),
  ]);
}
