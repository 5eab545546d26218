/**
 * kramdown's `markdown="…"` switch on an HTML element is an instruction to the parser, not an
 * attribute of the document: removed once the tree is built. Content read as span-level
 * Markdown (`markdown="span"`) loses the paragraphs CommonMark put around it. Task lists get
 * kramdown's class name.
 */
import type { Element, ElementContent, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { restorableTag, SPAN_HOLDER } from './html-blocks.js';

export default function rehypeKramdownAttrs() {
  return (tree: Root): void => {
    visit(tree, 'element', (el) => {
      const tag = el.properties.dataKdTag;
      // Only the span-model tags the block pass renames go back (never, say, a <script>).
      if (el.tagName === SPAN_HOLDER && typeof tag === 'string' && restorableTag(tag)) {
        el.tagName = tag;
        delete el.properties.dataKdTag;
        unwrapParagraphs(el);
      }
      delete el.properties.markdown;
      // kramdown's GFM parser names a task list `task-list` (remark: `contains-task-list`).
      const cls = el.properties.className;
      if (Array.isArray(cls) && cls.includes('contains-task-list')) {
        el.properties.className = cls.map((c) => (c === 'contains-task-list' ? 'task-list' : c));
      }
    });
  };
}

function unwrapParagraphs(el: Element): void {
  el.children = el.children.flatMap((c): ElementContent[] =>
    c.type === 'element' && c.tagName === 'p' ? c.children : [c],
  );
}
