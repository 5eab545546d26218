/** Small hand-made Handbook trees for the pure release tests. */
import { fromHtml } from 'hast-util-from-html';
import type { Chapter, Handbook } from '../../src/model.js';

export function chapter(
  id: string,
  title: string,
  html: string,
  extra: Partial<Chapter> = {},
): Chapter {
  return {
    id,
    kind: 'chapter',
    title,
    source: `guide/${id}.md`,
    permalink: `/guide/${id}`,
    body: fromHtml(html, { fragment: true }),
    outline: [],
    ...extra,
  };
}

export function handbook(
  chapters: Chapter[],
  version = '1.0',
  appendices: Chapter[] = [],
): Handbook {
  return {
    meta: { title: 'Test Guide', language: 'en-GB', version, date: '2026-01-01' },
    releases: [],
    chapters,
    appendices,
  };
}
