/**
 * The transform for `handbook serve`, incremental: the same steps as `buildHandbook`
 * (src/transform/build.ts), in the same order, with each chapter's result kept between
 * rebuilds and reused while its inputs are the same objects and keys:
 *
 * - prepare and ids (components, sanitiser, headings, then ids, in place on one clone): per
 *   parsed tree (the Markdown memo hands back the same tree object while a page's text is
 *   unchanged) and the tree-level key, while every id the chapter's claims looked at is taken
 *   or free as it was (a heading elsewhere that takes one of its ids moves them);
 * - links and outline: per chapter, the digest of every chapter's link targets and the
 *   tree-level key (on a copy: the id-assigned body is kept for the next change of targets).
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

/** One id claim as it went: every id looked at (taken or not) and the one claimed. */
interface Claim {
  probes: [string, boolean][];
  id: string;
}

/** A chapter prepared and given its ids (in place: one clone of the parsed tree). */
interface Assigned {
  treeKey: string;
  body: Root;
  ids: Map<string, string>;
  claims: Claim[];
  findings: Recorded[];
  linked?: Linked;
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
  private readonly chapters = new WeakMap<Root, Assigned>();
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
    const assigned = drafts.map((d) => {
      const a = this.assign(d.source, tree, treeKey, registry);
      unsafe.replay(a.findings);
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
      let hit = a.linked;
      if (hit?.key !== linkKey) {
        this.counts.linked++;
        const body = structuredClone(a.body);
        const local = new Recorder();
        const ctx = { tree, resolver, chapters: targets, diag: local, reported: local.keys('l') };
        rewriteLinks(body, d.page, ctx);
        checkResolvedLinks(body, { tree, diag: local, reported: local.keys('u') });
        hit = { key: linkKey, body, outline: buildOutline(body), findings: local.recorded };
        a.linked = hit;
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

  /**
   * The chapter prepared and with its ids, kept while the tree key holds and every id its
   * claims looked at is taken or free as it was then (a heading elsewhere that takes one of
   * its ids moves them: it is done again).
   */
  private assign(
    source: ParsedPage,
    tree: SourceTree,
    treeKey: string,
    registry: RecordingRegistry,
  ): Assigned {
    const hit = this.chapters.get(source.tree);
    if (hit?.treeKey === treeKey && registry.replay(hit.claims)) return hit;
    this.counts.prepared++;
    this.counts.assigned++;
    const local = new Recorder();
    const body = prepareBody(structuredClone(source.tree), source.page, {
      tree,
      diag: local,
      reported: local.keys('u'),
    });
    const from = registry.claims.length;
    const ids = assignIds(body, registry);
    const claims = registry.claims.slice(from);
    const out: Assigned = { treeKey, body, ids, claims, findings: local.recorded };
    // Claims that could not be recorded faithfully are never replayed.
    if (registry.faithful) this.chapters.set(source.tree, out);
    return out;
  }
}

/**
 * Records each claim: the ids it looked at, in the order `IdRegistry.claim` looks (the base,
 * then `base-1`, `base-2` …), and the one it got. Should the registry ever look otherwise,
 * the recording no longer matches its answer and nothing is replayed.
 */
class RecordingRegistry extends IdRegistry {
  readonly claims: Claim[] = [];
  faithful = true;

  override claim(base: string): string {
    const stem = base || 'section';
    const probes: [string, boolean][] = [];
    for (let n = 0; ; n++) {
      const id = n === 0 ? stem : `${stem}-${n}`;
      const taken = this.has(id);
      probes.push([id, taken]);
      if (!taken) break;
    }
    const id = super.claim(base);
    if (id !== probes.at(-1)![0]) this.faithful = false;
    this.claims.push({ probes, id });
    return id;
  }

  /**
   * Claims `claims` again when each would look at the same ids and find them taken or free as
   * it did (counting the ones claimed before it in the list); false, claiming nothing, if not.
   */
  replay(claims: Claim[]): boolean {
    const mine = new Set<string>();
    for (const c of claims) {
      for (const [id, taken] of c.probes)
        if ((this.has(id) || mine.has(id)) !== taken) return false;
      mine.add(c.id);
    }
    for (const c of claims) this.claim(c.id);
    return true;
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
