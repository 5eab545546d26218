/** The Markdown stage: ExpandedPage → ParsedPage. */
export { parsePage, kramdownText } from './parse.js';
export { findEditorialNotes, reportEditorialNotes, type EditorialNote } from './editorial-notes.js';
export { stripComments, type StrippedComments } from './strip-comments.js';
export { parseAttributeList, type AttributeList } from './attribute-list.js';
export { readMarkdown } from './processor.js';
export { kramdownOptions, JEKYLL_KRAMDOWN_DEFAULTS, type KramdownOptions } from './options.js';
export { typeset } from './typography.js';
export { handbookBudget } from './size.js';
