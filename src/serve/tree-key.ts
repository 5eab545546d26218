/**
 * The key of everything the transform reads of a SourceTree besides the pages' texts: the
 * config and handbook.yml, the data, includes and collection documents (findings are located
 * in them), each page's path, permalink, title and front matter (links resolve through them)
 * and the files on disk (images are looked up), through `filesEpoch`. Computed once per tree
 * object: the pipeline patches page texts into a tree only when none of this changed.
 */
import { createHash } from 'node:crypto';
import type { SourceTree } from '../model.js';

const keys = new WeakMap<SourceTree, string>();

export function treeKey(tree: SourceTree, filesEpoch: number): string {
  let key = keys.get(tree);
  if (key === undefined) {
    key = createHash('sha256')
      .update(
        JSON.stringify([
          tree.root,
          tree.site,
          tree.config,
          tree.releases,
          tree.data,
          tree.includes,
          Object.entries(tree.collections).map(([n, docs]) => [
            n,
            docs.map((d) => [d.path, d.raw]),
          ]),
          tree.pages.map((p) => [p.path, p.permalink, p.title, p.subtitle, p.frontMatter]),
          tree.order.map((o) => [o.page.path, o.part]),
        ]),
      )
      .digest('hex');
    keys.set(tree, key);
  }
  return `${key}:${filesEpoch}`;
}
