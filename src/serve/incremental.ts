/**
 * The transform for `handbook serve`, incremental: the same steps as `buildHandbook`
 * (src/transform/build.ts), in the same order, with each chapter's result kept between
 * rebuilds and reused while its inputs are the same objects and keys:
 *
 * - prepare (components, sanitiser, headings): per parsed tree (the Markdown memo hands back
 *   the same tree object while a page's text is unchanged) and the tree-level key;
 * - ids: per prepared body and the ids claimed before it (a digest chained through the
 *   chapters: a chapter whose headings did not change leaves every later chapter's ids alone);
 * - links and outline: per id-assigned body, the digest of every chapter's link targets and
 *   the tree-level key.
 *
 * Each chapter's findings are recorded with the dedupe key the step used, and replayed in
 * `buildHandbook`'s order through one set of keys: the findings are the ones it reports. The
 * reading order, chapter ids, appendix and metadata are made afresh on each rebuild (cheap).
 * test/serve/incremental.test.ts checks the result against `buildHandbook` after edits.
 */
import { createHash } from 'node:crypto';
import type { Root } from 'hast';
import { Diagnostics, type Finding } from '../diagnostics.js';
import type { Chapter, Handbook, ParsedPage, SourceTree } from '../model.js';
import { buildAppendix } from '../transform/appendix.js';
import { prepareBody, readingOrder, toChapter } from '../transform/build.js';
import { chapterIdBase } from '../transform/chapter-id.js';
import { assignIds, IdRegistry } from '../transform/ids.js';
import { rewriteLinks, type ChapterTarget } from '../transform/links.js';
import { handbookMeta } from '../transform/meta.js';
import { buildOutline } from '../transform/outline.js';
import { createPageResolver } from '../transform/resolver.js';
import { checkResolvedLinks } from '../transform/sanitize.js';

/** A finding and the key its step deduplicated it by (none: always reported). */
interface Recorded {
  key?: string;
  finding: Finding;
}

interface Prepared {
  treeKey: string;
  body: Root;
  findings: Recorded[];
}

interface Assigned {
  chain: string;
  body: Root;
  ids: Map<string, string>;
  claimed: string[];
}

interface Linked {
  key: string;
  body: Root;
  outline: Chapter['outline'];
  findings: Recorded[];
}

/** Calls of each step in the last rebuild (what the tests count). */
export interface TransformCounts {
  prepared: number;
  assigned: number;
  linked: number;
}

export class IncrementalTransform {
  private prepared = new WeakMap<Root, Prepared>();
  private assigned = new WeakMap<Root, Assigned>();
  private linked = new WeakMap<Root, Linked>();
  counts: TransformCounts = { prepared: 0, assigned: 0, linked: 0 };

  /**
   * `treeKey` names everything of the tree the steps read besides the pages' own texts
   * (config, includes, collections, permalinks, files on disk): a new key redoes every chapter.
   */
  build(
    tree: SourceTree,
    pages: ParsedPage[],
    meta: { version: string; date: string },
    diag: Diagnostics,
    treeKey: string,
  ): Handbook {
    this.counts = { prepared: 0, assigned: 0, linked: 0 };
    const registry = new RecordingRegistry();
    const drafts = readingOrder(tree, pages, diag).map(({ source, part }) => ({
      source,
      page: source.page,
      part,
      id: registry.claim(chapterIdBase(source.page)),
    }));
    const appendixId = registry.claim('appendix-a');
    const unsafe = new Replay(diag);
    const preparedBodies = drafts.map((d) => {
      const p = this.prepare(d.source, tree, treeKey);
      unsafe.replay(p.findings);
      return p.body;
    });

    let chain = digest(drafts.map((d) => d.id).join('\0') + '\0\0' + appendixId);
    const assigned = preparedBodies.map((body) => {
      const a = this.assign(body, chain, registry);
      chain = digest(`${chain}\0${a.claimed.join('\0')}`);
      return a;
    });

    const targets = new Map<string, ChapterTarget>(
      drafts.map((d, i) => [d.page.path, { id: d.id, ids: assigned[i]!.ids }]),
    );
    const linkKey = digest(
      `${treeKey}\0${JSON.stringify([...targets].map(([p, t]) => [p, t.id, [...t.ids]]))}`,
    );
    const links = new Replay(diag);
    const resolver = createPageResolver(tree);
    const chapters = drafts.map((d, i) => {
      const a = assigned[i]!;
      let hit = this.linked.get(a.body);
      if (hit?.key !== linkKey) {
        this.counts.linked++;
        const body = structuredClone(a.body);
        const local = new Recorder();
        const ctx = { tree, resolver, chapters: targets, diag: local, reported: local.keys('l') };
        rewriteLinks(body, d.page, ctx);
        checkResolvedLinks(body, { tree, diag: local, reported: local.keys('u') });
        hit = { key: linkKey, body, outline: buildOutline(body), findings: local.recorded };
        this.linked.set(a.body, hit);
      }
      // Links findings dedupe among themselves; the final check shares the sanitiser's keys.
      for (const r of hit.findings) (r.key?.startsWith('u') ? unsafe : links).replay([r]);
      return toChapter({ page: d.page, id: d.id, body: hit.body, part: d.part }, hit.outline);
    });

    const appendix = buildAppendix({
      tree,
      chapters,
      idMaps: new Map(drafts.map((d, i) => [d.id, assigned[i]!.ids])),
      id: appendixId,
      diag,
    });
    return {
      meta: handbookMeta(tree, meta),
      releases: tree.releases ?? [],
      chapters,
      appendices: appendix ? [appendix] : [],
    };
  }

  private prepare(source: ParsedPage, tree: SourceTree, treeKey: string): Prepared {
    const hit = this.prepared.get(source.tree);
    if (hit?.treeKey === treeKey) return hit;
    this.counts.prepared++;
    const local = new Recorder();
    const body = prepareBody(structuredClone(source.tree), source.page, {
      tree,
      diag: local,
      reported: local.keys('u'),
    });
    const out = { treeKey, body, findings: local.recorded };
    this.prepared.set(source.tree, out);
    return out;
  }

  private assign(body: Root, chain: string, registry: RecordingRegistry): Assigned {
    const hit = this.assigned.get(body);
    if (hit?.chain === chain) {
      // The registry holds exactly what it held when these were claimed: each is free.
      for (const id of hit.claimed) registry.claim(id);
      return hit;
    }
    this.counts.assigned++;
    const copy = structuredClone(body);
    const from = registry.claimed.length;
    const ids = assignIds(copy, registry);
    const out = { chain, body: copy, ids, claimed: registry.claimed.slice(from) };
    this.assigned.set(body, out);
    return out;
  }
}

/** Records every id it hands out, in order. */
class RecordingRegistry extends IdRegistry {
  readonly claimed: string[] = [];
  override claim(base: string): string {
    const id = super.claim(base);
    this.claimed.push(id);
    return id;
  }
}

/**
 * A chapter's own Diagnostics: each finding is recorded with the key its step added to the
 * `reported` set just before it (the steps add the key, then the finding).
 */
class Recorder extends Diagnostics {
  readonly recorded: Recorded[] = [];
  private lastKey: string | undefined;

  keys(namespace: string): Set<string> {
    const set = new Set<string>();
    const add = set.add.bind(set);
    set.add = (key: string) => {
      this.lastKey = `${namespace}\0${key}`;
      return add(key);
    };
    return set;
  }

  override add(finding: Finding): void {
    super.add(finding);
    const key = this.lastKey;
    this.lastKey = undefined;
    this.recorded.push(key ? { key, finding: this.findings.at(-1)! } : { finding });
  }
}

/** Recorded findings into the rebuild's Diagnostics, each dedupe key once, as the steps would. */
class Replay {
  private readonly seen = new Set<string>();
  constructor(private readonly diag: Diagnostics) {}

  replay(recorded: Recorded[]): void {
    for (const r of recorded) {
      if (r.key !== undefined) {
        if (this.seen.has(r.key)) continue;
        this.seen.add(r.key);
      }
      this.diag.add(r.finding);
    }
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
