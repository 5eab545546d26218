/** The chapter's outline (contents, PDF bookmarks): body headings nested by level. */
import type { Root } from 'hast';
import type { OutlineEntry } from '../model.js';
import { collapse, elements, headingRank, visibleText } from './hast.js';
import { isComponentHeading } from './headings.js';

export function buildOutline(root: Root): OutlineEntry[] {
  const top: OutlineEntry[] = [];
  const stack: OutlineEntry[] = [];
  for (const { node } of elements(root)) {
    const level = headingRank(node);
    if (level === undefined || isComponentHeading(node) || typeof node.properties.id !== 'string')
      continue;
    const entry: OutlineEntry = {
      id: node.properties.id,
      title: collapse(visibleText(node)),
      level,
      children: [],
    };
    while (stack.length > 0 && (stack.at(-1)?.level ?? 0) >= level) stack.pop();
    const parent = stack.at(-1);
    (parent ? parent.children : top).push(entry);
    stack.push(entry);
  }
  return top;
}
