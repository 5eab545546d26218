/** The Markdown stage: ExpandedPage → ParsedPage. */
export { parsePage, kramdownText } from './parse.js';
export { findEditorialNotes, reportEditorialNotes, type EditorialNote } from './editorial-notes.js';
export { stripComments, type StrippedComments } from './strip-comments.js';
export { parseAttributeList, type AttributeList } from './attribute-list.js';
// The kramdown plugins on their own, for a `markdownify` that should read kramdown the same way.
export { default as remarkHeadingIds } from './remark-heading-ids.js';
export { default as remarkIal } from './remark-ial.js';
export { default as rehypeRemoveComments } from './rehype-remove-comments.js';
