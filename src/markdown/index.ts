/** The Markdown stage: ExpandedPage → ParsedPage. */
export { parsePage, kramdownText } from './parse.js';
export { findEditorialNotes, reportEditorialNotes, type EditorialNote } from './editorial-notes.js';
export { stripComments } from './strip-comments.js';
export { parseAttributeList, type AttributeList } from './attribute-list.js';
