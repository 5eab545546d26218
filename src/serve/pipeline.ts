/**
 * The front half of the pipeline (load → Liquid → Markdown → transform), run again after each
 * change with every per-page result kept in memory and keyed by its inputs: a page edit
 * re-reads and re-parses that page only; an include or data change re-expands the pages that
 * use it; a config change expands every page again. Markdown is keyed by the expanded text, so
 * a page whose expansion did not change is not parsed again.
 *
 * The stages are the library's own (the ones `prepare` runs) and the findings are collected in
 * the order `prepare` reports them, in `check`'s collecting mode: the tree is the one `build`
 * makes, the findings the ones `handbook check` prints. Nothing here touches the build cache.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Diagnostics, type Finding } from '../diagnostics.js';
import { HandbookError, isHandbookError } from '../errors.js';
import type { ExpandedPage, Handbook, Page, ParsedPage, SourceTree } from '../model.js';
import { IncrementalTransform } from './incremental.js';
import { liquidContext, liquidKey, type LiquidKeyContext } from './liquid-deps.js';
import { treeKey } from './tree-key.js';

/** Page-text edits patched into one tree before it is loaded afresh (bounds the engine's cache). */
export const PATCHES_PER_TREE = 50;

type Stages = Awaited<ReturnType<typeof loadStages>>;

async function loadStages() {
  const [load, liquid, markdown, transform, pages, templates] = await Promise.all([
    import('../load/index.js'),
    import('../liquid/index.js'),
    import('../markdown/index.js'),
    import('../transform/index.js'),
    import('../load/pages.js'),
    import('../liquid/templates.js'),
  ]);
  return { load, liquid, markdown, transform, pages, templates };
}

/** A problem that stops the handbook from being built (shown as the overlay). */
export interface BuildProblem {
  file?: string;
  line?: number;
  message: string;
  hint?: string;
  code: string;
}

export type Outcome =
  | { ok: true; handbook: Handbook; findings: Finding[]; changedPages: string[] }
  | { ok: false; problems: BuildProblem[]; findings: Finding[] | undefined };

interface Memo<T> {
  key: string;
  value: T;
  findings: Finding[];
}

export class Pipeline {
  private stages?: Stages;
  private tree?: SourceTree;
  private loadFindings: Finding[] = [];
  private readonly liquidMemo = new Map<string, Memo<string>>();
  private readonly markdownMemo = new Map<string, Memo<ParsedPage> & { markdown: string }>();
  /** Pages whose Liquid ran in the last rebuild (the others came from the memo). */
  expanded: string[] = [];
  private patches = 0;
  private context: LiquidKeyContext | undefined;
  /** Milliseconds per stage of the last rebuild (for the benchmark and the log). */
  stageMs: Record<string, number> = {};
  /** Chapter results kept between rebuilds (src/serve/incremental.ts). */
  readonly transform = new IncrementalTransform();
  /**
   * Counts the rebuilds that may have seen files change on disk (images, static files) that
   * chapters and `{% link %}` look up: any change that is not only to existing pages' texts.
   */
  private filesEpoch = 0;

  constructor(
    readonly source: string,
    private readonly meta: { version: string; date: string },
  ) {}

  /** The pages of the last tree that loaded. */
  pages(): Page[] {
    return this.tree?.pages ?? [];
  }

  /**
   * Builds from the sources, reusing what `changed` (source-relative paths) cannot have
   * changed; `undefined` means anything may have changed.
   */
  async rebuild(changed?: ReadonlySet<string>): Promise<Outcome> {
    this.stageMs = {};
    this.expanded = [];
    const known = new Set(this.tree?.pages.map((p) => p.path));
    if (!changed || [...changed].some((rel) => !known.has(rel) && !TEXT_ONLY.test(rel)))
      this.filesEpoch++;
    try {
      this.stages ??= await loadStages();
      const t = performance.now();
      const tree = (changed && (await this.patchPages(changed))) || (await this.loadTree());
      this.lap('load', t);
      this.tree = tree;
      return await this.fromTree(tree);
    } catch (e) {
      // The next run loads everything: changes made while this one failed are not lost.
      this.tree = undefined;
      return { ok: false, problems: [problemOf(e)], findings: undefined };
    }
  }

  private lap(stage: string, since: number): number {
    const now = performance.now();
    this.stageMs[stage] = Math.round((this.stageMs[stage] ?? 0) + now - since);
    return now;
  }

  private async loadTree(): Promise<SourceTree> {
    this.patches = 0;
    this.context = undefined;
    const diag = new Diagnostics();
    const tree = await this.stages!.load.loadSource(this.source, diag);
    this.loadFindings = diag.findings;
    return tree;
  }

  /**
   * The fast path for edits to the text of existing pages: when everything the load stage
   * derives from a page's front matter is unchanged, the new tree is the old one with those
   * pages re-read (what `loadSource` would make of them), and the load findings still hold.
   */
  private async patchPages(changed: ReadonlySet<string>): Promise<SourceTree | undefined> {
    const tree = this.tree;
    if (!tree || changed.size === 0) return undefined;
    const { load, pages: pageStage } = this.stages!;
    const replaced = new Map<string, Page>();
    for (const rel of changed) {
      const old = tree.pages.find((p) => p.path === rel);
      if (!old) return undefined;
      const raw = await readFile(path.join(tree.root, rel), 'utf8').catch(() => undefined);
      if (raw === undefined || !/^\uFEFF?---[ \t]*\r?(\n|$)/.test(raw)) return undefined;
      const page = pageStage.toPage({ path: rel, raw, ...load.parseFrontMatter(raw, rel) });
      if (loadShape(page) !== loadShape(old)) return undefined;
      replaced.set(rel, page);
    }
    // In place: the Liquid engine (its parsed includes, the collection documents already
    // rendered) belongs to this tree object and stays valid, since only page texts changed.
    // Its cache of parsed page texts grows with each edit, so now and then a full load
    // starts a fresh tree and engine.
    if (++this.patches > PATCHES_PER_TREE) return undefined;
    const swap = (p: Page): Page => replaced.get(p.path) ?? p;
    tree.pages = tree.pages.map(swap);
    for (const o of tree.order) o.page = swap(o.page);
    return tree;
  }

  private async fromTree(tree: SourceTree): Promise<Outcome> {
    const { liquid, markdown, templates } = this.stages!;
    const problems: BuildProblem[] = [];
    const all = new Diagnostics();
    const fail = (e: unknown): void => {
      if (!isHandbookError(e)) throw e;
      problems.push(problemOf(e));
      all.error(e.file ?? '', e.line, liquid.findingCode(e.code), e.message, e.hint);
    };
    this.loadFindings.forEach((f) => all.add(f));
    for (const doc of Object.values(tree.collections).flat())
      markdown.reportEditorialNotes(doc, all);
    for (const [name, raw] of Object.entries(tree.includes))
      markdown.reportEditorialNotes({ path: `_includes/${name}`, raw }, all);

    // Collection documents' own Liquid: rendered once per tree, their findings reported once.
    const docs = new Diagnostics();
    const docsFailed = await liquid.expandPages(tree, [], docs).then(
      () => false,
      (e: unknown) => (fail(e), true),
    );
    docs.findings.forEach((f) => all.add(f));
    // Every page would fail with the same error: it is reported once.
    if (docsFailed) return { ok: false, problems, findings: all.sorted() };

    let t = performance.now();
    const pages = tree.order.map((o) => o.page);
    // What the keys read of the tree does not change when page texts are patched in.
    const ctx = (this.context ??= liquidContext(
      tree,
      templates.toolchainTemplates(),
      this.filesEpoch,
    ));
    const changedPages: string[] = [];
    const expanded: ExpandedPage[] = [];
    for (const page of pages) {
      const key = liquidKey(ctx, page);
      const memo = this.liquidMemo.get(page.path);
      let hit = key !== undefined && memo?.key === key ? memo : undefined;
      if (!hit) {
        this.expanded.push(page.path);
        const local = new Diagnostics();
        try {
          const [one] = await liquid.expandPages(tree, [page], local);
          // Every call reports the collection documents' findings first: those are kept once.
          hit = {
            key: key ?? '',
            value: one!.markdown,
            findings: local.findings.slice(docs.findings.length),
          };
          if (key !== undefined) this.liquidMemo.set(page.path, hit);
        } catch (e) {
          local.findings.slice(docs.findings.length).forEach((f) => all.add(f));
          this.liquidMemo.delete(page.path);
          fail(e);
          continue;
        }
      }
      hit.findings.forEach((f) => all.add(f));
      expanded.push({ page, markdown: hit.value });
    }

    t = this.lap('liquid', t);
    const parsed: ParsedPage[] = [];
    for (const page of expanded) {
      // Two comparisons, no joined key: an unchanged page hands back the very same strings,
      // which compare at once.
      const key = page.page.raw;
      let hit = this.markdownMemo.get(page.page.path);
      if (hit?.key !== key || hit.markdown !== page.markdown) {
        const local = new Diagnostics();
        try {
          const value = markdown.parsePage(page, local);
          hit = { key, markdown: page.markdown, value, findings: local.findings };
        } catch (e) {
          fail(e);
          continue;
        }
        this.markdownMemo.set(page.page.path, hit);
        changedPages.push(page.page.path);
      }
      hit.findings.forEach((f) => all.add(f));
      // The memo keeps the page object of the run that parsed it; the transform reads this one.
      parsed.push({ page: page.page, tree: hit.value.tree });
    }
    t = this.lap('markdown', t);
    this.forget(new Set(pages.map((p) => p.path)));
    if (problems.length > 0) return { ok: false, problems, findings: all.sorted() };

    const key = treeKey(tree, this.filesEpoch);
    const handbook = this.transform.build(tree, parsed, this.meta, all, key);
    this.lap('transform', t);
    return { ok: true, handbook, findings: all.sorted(), changedPages };
  }

  /** Deleted and renamed pages leave nothing behind in the memos. */
  private forget(live: Set<string>): void {
    for (const memo of [this.liquidMemo, this.markdownMemo])
      for (const key of memo.keys()) if (!live.has(key)) memo.delete(key);
  }
}

/**
 * Sources only ever read as text (never linked or shown as files): a change to them, like one
 * to an existing page, leaves the files on disk that chapters and `{% link %}` look up alone.
 */
const TEXT_ONLY =
  /^(_config\.ya?ml|handbook\.ya?ml|releases\.ya?ml|_(includes|data)\/.*\.(html?|md|ya?ml|json|csv|tsv))$/i;

/** Everything the load stage derives from a page besides its text. */
function loadShape(p: Page): string {
  return JSON.stringify([
    p.frontMatter,
    p.bodyLine,
    p.permalink,
    p.title,
    p.subtitle,
    p.nextpage,
    p.previouspage,
  ]);
}

function problemOf(e: unknown): BuildProblem {
  if (e instanceof HandbookError) {
    return {
      code: e.code,
      message: e.message,
      ...(e.file ? { file: e.file } : {}),
      ...(e.line ? { line: e.line } : {}),
      ...(e.hint ? { hint: e.hint } : {}),
    };
  }
  // A bug in the toolchain must not end the preview: it is shown like a source problem.
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    code: 'INTERNAL',
    message: `internal error: ${err.message}`,
    hint: 'please report it; the preview keeps the last good handbook',
  };
}
