import type { Chapter } from './model.js';

/** The heading a chapter is printed under in every format: "Appendix A: Title" for appendices. */
export function chapterHeading(chapter: Chapter): string {
  return chapter.label ? `${chapter.label}: ${chapter.title}` : chapter.title;
}
