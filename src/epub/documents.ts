/**
 * The publication's content documents, in reading order: title page, document control (when
 * the handbook keeps a history), the navigation document, one file per chapter and appendix,
 * the colophon. Front and back pages are the HTML's own partials (same words, same markup),
 * parsed into hast; chapters are their tree's body under the same section the HTML uses, with
 * DPUB-ARIA roles and the matching `epub:type`.
 */
import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { chapterHeading } from '../chapter-heading.js';
import { formatDate } from '../dates.js';
import { removeComments, scopeTableHeaders, unwrapBareFigures } from '../html/body.js';
import { collectIds } from '../html/ids.js';
import { partialLayout, type PartialName } from '../html/templates.js';
import { landmarkIds, type LandmarkIds } from '../html/view.js';
import type { Chapter, Handbook } from '../model.js';
import { el, txt } from '../transform/hast.js';

export interface ContentDoc {
  /** File name inside the publication folder (also the manifest id without `.xhtml`). */
  href: string;
  title: string;
  role: 'titlepage' | 'control' | 'nav' | 'chapter' | 'appendix' | 'colophon';
  /** What `<body>` holds; empty for the navigation document (nav.ts writes it). */
  body: Root;
  /** The source file of a chapter (where findings about it point). */
  source?: string;
}

export const NAV_HREF = 'nav.xhtml';

/** Chapters are numbered in reading order: `chapter-01.xhtml`, `appendix-01.xhtml`. */
export function chapterHref(kind: Chapter['kind'], index: number): string {
  return `${kind}-${String(index + 1).padStart(2, '0')}.xhtml`;
}

export async function contentDocuments(
  hb: Handbook,
): Promise<{ docs: ContentDoc[]; ids: LandmarkIds }> {
  const ids = landmarkIds(collectIds(hb));
  const view = {
    meta: hb.meta,
    ids,
    date: formatDate(hb.meta.date),
    releases: hb.releases.map((r) => ({ ...r, displayDate: formatDate(r.date) })),
    generator: '',
  };
  const docs: ContentDoc[] = [
    {
      href: 'title.xhtml',
      title: hb.meta.title,
      role: 'titlepage',
      body: await front('cover', view),
    },
  ];
  if (hb.releases.length > 0)
    docs.push({
      href: 'control.xhtml',
      title: 'Document control',
      role: 'control',
      body: await front('document-control', view),
    });
  docs.push({
    href: NAV_HREF,
    title: 'Contents',
    role: 'nav',
    body: { type: 'root', children: [] },
  });
  let part: string | undefined;
  hb.chapters.forEach((c, i) => {
    docs.push(chapterDoc(c, chapterHref('chapter', i), c.part !== part ? c.part : undefined));
    part = c.part;
  });
  hb.appendices.forEach((c, i) => docs.push(chapterDoc(c, chapterHref('appendix', i))));
  return { docs, ids };
}

/** The colophon names the tool, as the HTML's does; appended by the caller with its name. */
export async function colophonDoc(hb: Handbook, ids: LandmarkIds, generator: string) {
  const view = { meta: hb.meta, ids, date: formatDate(hb.meta.date), generator };
  return {
    href: 'colophon.xhtml',
    title: 'Colophon',
    role: 'colophon',
    body: await front('colophon', view),
  } satisfies ContentDoc;
}

async function front(name: PartialName, view: object): Promise<Root> {
  const html = (await partialLayout(name))(view);
  const tree = fromHtml(html, { fragment: true });
  removeComments(tree);
  return tree;
}

function chapterDoc(c: Chapter, href: string, partStart?: string): ContentDoc {
  const body = structuredClone(c.body);
  removeComments(body);
  scopeTableHeaders(body);
  unwrapBareFigures(body);
  const heading = chapterHeading(c);
  const appendix = c.kind === 'appendix';
  const children: ElementContent[] = [];
  if (partStart) children.push(el('p', { className: ['hb-chapter__part'] }, [txt(partStart)]));
  children.push(el('h1', { id: c.id, className: ['hb-chapter__title'] }, [txt(heading)]));
  if (c.subtitle?.trim())
    children.push(el('p', { className: ['hb-chapter__subtitle'] }, [txt(c.subtitle.trim())]));
  children.push(el('div', { className: ['hb-chapter__body'] }, body.children as ElementContent[]));
  const section: Element = el(
    'section',
    {
      className: appendix ? ['hb-chapter', 'hb-appendix'] : ['hb-chapter'],
      'epub:type': appendix ? 'appendix' : 'chapter',
      role: appendix ? 'doc-appendix' : 'doc-chapter',
      ariaLabelledBy: [c.id],
    },
    children,
  );
  return {
    href,
    title: heading,
    role: appendix ? 'appendix' : 'chapter',
    body: { type: 'root', children: [section] },
    source: c.source,
  };
}
