/**
 * kramdown's `markdown="1"` switch on an HTML element is an instruction to the parser,
 * not an attribute of the document: remove it once the tree is built.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export default function rehypeKramdownAttrs() {
  return (tree: Root): void => {
    visit(tree, 'element', (el) => {
      delete el.properties.markdown;
    });
  };
}
