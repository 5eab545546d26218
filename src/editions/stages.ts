/**
 * The three points where the front half of the pipeline applies an edition (src/prepare.ts):
 * the loaded source tree, the parsed pages and the transformed Handbook. One object per build,
 * carrying what the first step learnt (local pages, sections to cut) to the later ones.
 */
import type { Diagnostics } from '../diagnostics.js';
import type { Handbook, ParsedPage, SourceTree } from '../model.js';
import { applyToHandbook } from './apply-handbook.js';
import { cutSections, type CutSection } from './apply-parsed.js';
import { applyToSource, type SourceEdition } from './apply-source.js';
import type { ResolvedEdition } from './resolve.js';
import { memoParse } from './parse-memo.js';

export interface EditionStages {
  id: string;
  source(tree: SourceTree): Promise<SourceTree>;
  parsed(pages: ParsedPage[]): ParsedPage[];
  handbook(hb: Handbook): Handbook;
  memoParse: typeof memoParse;
}

export function editionStages(edition: ResolvedEdition, diag: Diagnostics): EditionStages {
  let applied: SourceEdition | undefined;
  let chapters: string[] = [];
  let sections: CutSection[] = [];
  return {
    id: edition.config.id,
    memoParse,
    async source(tree) {
      applied = await applyToSource(tree, edition, diag);
      const gone = applied.tree.leftOut?.pages ?? new Set<string>();
      chapters = tree.order.filter((o) => gone.has(o.page.path)).map((o) => o.page.title);
      return applied.tree;
    },
    parsed(pages) {
      if (!applied?.tree.leftOut) return pages;
      const r = cutSections(pages, applied.sections, applied.tree.leftOut, edition);
      sections = r.cut;
      return r.pages;
    },
    handbook(hb) {
      return applyToHandbook(hb, { edition, local: applied?.local ?? [], chapters, sections });
    },
  };
}
