/**
 * The navigation document: the contents (every chapter and appendix with its outline, chapters
 * grouped under their part as the printed contents groups them), the landmarks, and, when the
 * print edition's page numbers are known, the page list. The contents is shown in the reading
 * order (it is the book's contents page); landmarks and page list are for the reading system.
 */
import type { Element, ElementContent } from 'hast';
import { chapterHeading } from '../chapter-heading.js';
import type { Chapter, Handbook, OutlineEntry } from '../model.js';
import { el, txt } from '../transform/hast.js';
import { NAV_HREF, chapterHref, type ContentDoc } from './documents.js';
import { fragment } from './links.js';
import type { PageTarget } from './pages.js';

export const TOC_ID = 'toc';

function link(href: string, title: string, props: Record<string, string> = {}): Element {
  return el('a', { href, ...props }, [txt(title)]);
}

function outlineList(entries: OutlineEntry[], file: string): Element[] {
  if (entries.length === 0) return [];
  return [
    el(
      'ol',
      {},
      entries.map((e) =>
        el('li', {}, [
          link(`${file}#${fragment(e.id)}`, e.title),
          ...outlineList(e.children, file),
        ]),
      ),
    ),
  ];
}

function chapterItem(c: Chapter, file: string): Element {
  return el('li', {}, [link(file, chapterHeading(c)), ...outlineList(c.outline, file)]);
}

function contentsItems(hb: Handbook): Element[] {
  const items: Element[] = [];
  let part: { name: string; list: Element } | undefined;
  hb.chapters.forEach((c, i) => {
    const item = chapterItem(c, chapterHref('chapter', i));
    if (!c.part) {
      part = undefined;
      items.push(item);
      return;
    }
    if (part?.name !== c.part) {
      part = { name: c.part, list: el('ol', {}, []) };
      items.push(el('li', {}, [el('span', {}, [txt(c.part)]), part.list]));
    }
    part.list.children.push(item);
  });
  hb.appendices.forEach((c, i) => items.push(chapterItem(c, chapterHref('appendix', i))));
  return items;
}

function landmarks(docs: readonly ContentDoc[]): Element {
  const first = (role: ContentDoc['role']) => docs.find((d) => d.role === role);
  const entries: [string, ContentDoc | undefined, string][] = [
    ['titlepage', first('titlepage'), 'Title page'],
    ['toc', first('nav'), 'Contents'],
    ['bodymatter', first('chapter') ?? first('appendix'), 'Start of content'],
    ['appendix', first('appendix'), 'Appendix'],
  ];
  const items: ElementContent[] = [];
  for (const [type, doc, label] of entries) {
    if (!doc) continue;
    const href = type === 'toc' ? `${NAV_HREF}#${TOC_ID}` : doc.href;
    items.push(el('li', {}, [link(href, label, { 'epub:type': type })]));
  }
  return el(
    'nav',
    { 'epub:type': 'landmarks', ariaLabelledBy: ['landmarks-heading'], hidden: true },
    [el('h2', { id: 'landmarks-heading' }, [txt('Landmarks')]), el('ol', {}, items)],
  );
}

function pageList(pages: readonly PageTarget[]): Element {
  return el(
    'nav',
    {
      'epub:type': 'page-list',
      role: 'doc-pagelist',
      ariaLabelledBy: ['page-list-heading'],
      hidden: true,
    },
    [
      el('h2', { id: 'page-list-heading' }, [txt('Pages of the print edition')]),
      el(
        'ol',
        {},
        pages.map((p) => el('li', {}, [link(p.href, String(p.page))])),
      ),
    ],
  );
}

/** The body of nav.xhtml. */
export function navBody(
  hb: Handbook,
  docs: readonly ContentDoc[],
  pages: readonly PageTarget[] | undefined,
): ElementContent[] {
  const toc = el(
    'nav',
    { id: TOC_ID, 'epub:type': 'toc', role: 'doc-toc', ariaLabelledBy: ['toc-heading'] },
    [
      el('h1', { id: 'toc-heading', className: ['hb-front__heading'] }, [txt('Contents')]),
      el('ol', { className: ['hb-toc__list'] }, contentsItems(hb)),
    ],
  );
  return [toc, landmarks(docs), ...(pages?.length ? [pageList(pages)] : [])];
}
