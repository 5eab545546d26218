/**
 * Every id the handbook already uses. Ids the renderer adds (landmarks, link notes) are
 * checked against it so they can never shadow a chapter or heading id.
 */
import { visit } from 'unist-util-visit';
import type { Handbook } from '../model.js';

export function collectIds(hb: Handbook): Set<string> {
  const ids = new Set<string>();
  for (const ch of [...hb.chapters, ...hb.appendices]) {
    ids.add(ch.id);
    visit(ch.body, 'element', (node) => {
      const id = node.properties.id;
      if (typeof id === 'string' && id) ids.add(id);
    });
  }
  return ids;
}
