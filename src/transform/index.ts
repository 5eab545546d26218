/** The transform stage: ParsedPage[] → Handbook. */
export { buildHandbook, type BuildHandbookOptions } from './build.js';
export {
  createPageResolver,
  normalisePath,
  type PageResolver,
  type ResolvedLink,
} from './resolver.js';
export { IdRegistry, RESERVED_IDS, kramdownId } from './ids.js';
export { chapterIdBase } from './chapter-id.js';
