/**
 * remark-rehype's `table` handler for kramdown tables (tables.ts): row groups as kramdown
 * makes them (a body only when there is no header line; a new body after each further
 * separator line). GFM tables go to the default handler.
 */
import type { Element, ElementContent } from 'hast';
import type { Parents, Table } from 'mdast';
import { defaultHandlers } from 'remark-rehype';
import type { KramdownTableData } from './tables.js';

type State = Parameters<(typeof defaultHandlers)['table']>[0];

export function tableHandler(state: State, node: Table, _parent?: Parents): Element {
  const data = (node.data as { kramdown?: KramdownTableData } | undefined)?.kramdown;
  if (!data) return defaultHandlers.table(state, node);
  const groups: ElementContent[] = [];
  data.groups.forEach((group, g) => {
    const end = data.groups[g + 1]?.start ?? node.children.length;
    const rows = node.children.slice(group.start, end).map((row) => {
      const cells = row.children.map((cell, i) => {
        const align = node.align?.[i];
        const el: Element = {
          type: 'element',
          tagName: group.type === 'thead' ? 'th' : 'td',
          properties: align ? { align } : {},
          children: state.all(cell),
        };
        state.patch(cell, el);
        return el;
      });
      const tr: Element = {
        type: 'element',
        tagName: 'tr',
        properties: {},
        children: state.wrap(cells, true),
      };
      state.patch(row, tr);
      return tr;
    });
    if (rows.length === 0) return;
    groups.push({
      type: 'element',
      tagName: group.type,
      properties: {},
      children: state.wrap(rows, true),
    });
  });
  const table: Element = {
    type: 'element',
    tagName: 'table',
    properties: {},
    children: state.wrap(groups, true),
  };
  state.patch(node, table);
  return state.applyData(node, table);
}
