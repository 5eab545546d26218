/**
 * Every id the handbook already uses. Ids the renderer adds (landmarks, link notes) are
 * checked against it so they can never shadow a chapter or heading id.
 */
import { visit } from 'unist-util-visit';
import type { Chapter, Handbook } from '../model.js';

/** A body's ids by body tree (`handbook serve` keeps one across rebuilds). */
export type IdCache = WeakMap<Chapter['body'], string[]>;

export function collectIds(hb: Handbook, cache?: IdCache): Set<string> {
  const ids = new Set<string>();
  for (const ch of [...hb.chapters, ...hb.appendices]) {
    ids.add(ch.id);
    let found = cache?.get(ch.body);
    if (!found) {
      const list: string[] = [];
      visit(ch.body, 'element', (node) => {
        const id = node.properties.id;
        if (typeof id === 'string' && id) list.push(id);
      });
      cache?.set(ch.body, list);
      found = list;
    }
    for (const id of found) ids.add(id);
  }
  return ids;
}
