/**
 * The scale half of the benchmark: the guide at ×1 and ×`factor` (bench/generate.ts), whole
 * process with peak memory, and `editions` releases built in one process sharing one browser
 * (bench/editions.ts in a child, so its memory is its own).
 */
import { join } from 'node:path';
import { generateScaledGuide } from './generate.js';
import { ROOT, cli, contentSize, parseStages } from './measure.js';
import { repeat, run, type RunResult } from './proc.js';
import type { BenchResult, EditionsResult, ScaleSide, Timed } from './report.js';
import type { EditionLine, EditionsSummary } from './editions.js';
import { median, ms } from './stats.js';

export interface ScaleOptions {
  source: string;
  factor: number;
  runs: number;
  chrome: string;
  work: string;
  editions: number;
  log: (s: string) => void;
  /** Per CLI run of the ×${factor} guide (ms). */
  timeoutMs: number;
  /** The ×1 timings already measured in this run, with the full-build runs (for their stages). */
  x1: { full: Timed; check: Timed; runs: RunResult[]; pages?: number };
}

const timed = (runs: RunResult[]): Timed => {
  const rss = runs.map((r) => r.maxRss).filter((x): x is number => x !== undefined);
  return {
    median: median(runs.map((r) => r.ms)),
    runs: runs.map((r) => Math.round(r.ms)),
    ...(rss.length ? { maxRss: Math.max(...rss) } : {}),
  };
};

function stageMedians(runs: RunResult[]): { stages: Record<string, number>; pages?: number } {
  const parsed = runs.map((r) => parseStages(r.stderr));
  const names = [...new Set(parsed.flatMap((p) => Object.keys(p)))];
  const stages = Object.fromEntries(
    names.map((k) => [k, median(parsed.map((p) => p[k]?.ms ?? 0))]),
  );
  const pages = parsed.at(-1)?.finish?.items;
  return { stages, ...(pages !== undefined ? { pages } : {}) };
}

const firstLine = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

export async function measureScale(
  o: ScaleOptions,
): Promise<{ scale: NonNullable<BenchResult['scale']>; editions: EditionsResult }> {
  const bigSource = join(o.work, `guide-x${o.factor}`);
  const gen = await generateScaledGuide(o.source, o.factor, bigSource);
  o.log(
    `generated ×${o.factor} guide: ${gen.multiplied.length} chapters multiplied, +${gen.added} pages`,
  );
  const [size1, size10] = [await contentSize(o.source), await contentSize(bigSource)];
  const limit = { timeoutMs: o.timeoutMs };

  // One sampled run each for peak memory (sampling costs CPU: these runs are not timed); the
  // ×10 one also warms the file cache for the timed runs.
  const tree1 = (await cli('full', o.source, join(o.work, 'x1'), o.chrome, { sampleMs: 100 }))
    .treeRss;
  const full10: RunResult[] = [];
  const check10: RunResult[] = [];
  let tree10: number | undefined;
  let error: string | undefined;
  try {
    const sampled = await cli('full', bigSource, join(o.work, 'x10'), o.chrome, {
      ...limit,
      sampleMs: 100,
    });
    tree10 = sampled.treeRss;
    o.log(
      `×${o.factor} sampled build: ${ms(sampled.ms)}, peak PSS ${Math.round((tree10 ?? 0) / 2 ** 20)} MB`,
    );
    await repeat(o.runs, async (i) => {
      full10.push(await cli('full', bigSource, join(o.work, 'x10'), o.chrome, limit));
      check10.push(await cli('check', bigSource, '', o.chrome, limit));
      o.log(
        `×${o.factor} round ${i + 1}/${o.runs}: full ${ms(full10.at(-1)!.ms)}, check ${ms(check10.at(-1)!.ms)}`,
      );
    });
  } catch (e) {
    error = firstLine(e);
    o.log(`×${o.factor} build failed: ${error}`);
  }

  const s1 = stageMedians(o.x1.runs);
  const s10 = stageMedians(full10);
  const pages1 = o.x1.pages ?? s1.pages;
  const x1: ScaleSide = {
    source: o.source,
    ...size1,
    full: o.x1.full,
    check: o.x1.check,
    stages: s1.stages,
    ...(pages1 ? { pages: pages1 } : {}),
    ...(tree1 ? { treeRss: tree1 } : {}),
  };
  const x10: ScaleSide = {
    source: `${o.source} ×${o.factor}`,
    ...size10,
    full: timed(full10),
    check: timed(check10),
    stages: s10.stages,
    ...(s10.pages ? { pages: s10.pages } : {}),
    ...(tree10 ? { treeRss: tree10 } : {}),
    ...(error ? { error } : {}),
  };
  const timeRatio = x10.full.median / x1.full.median;
  const contentRatio = size10.words / size1.words;
  const scale = {
    factor: o.factor,
    runs: full10.length,
    x1,
    x10,
    timeRatio,
    contentRatio,
    perUnit: timeRatio / contentRatio,
  };

  o.log(`${o.editions} editions in one process…`);
  let editions: EditionsResult;
  try {
    editions = await measureEditions(o);
  } catch (e) {
    editions = { count: o.editions, error: firstLine(e) } as EditionsResult;
    o.log(`editions failed: ${editions.error}`);
  }
  return { scale, editions };
}

async function measureEditions(o: ScaleOptions): Promise<EditionsResult> {
  const r = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'bench', 'editions.ts'),
      '--source',
      o.source,
      '--out',
      join(o.work, 'editions'),
      '--count',
      String(o.editions),
      '--chrome',
      o.chrome,
    ],
    { cwd: ROOT, sampleMs: 250, timeoutMs: o.timeoutMs * 2 },
  );
  if (r.timedOut) throw new Error(`timed out after ${ms(r.ms)}`);
  if (r.code !== 0) throw new Error(`exited with ${r.code}: ${r.stderr.trim().split('\n').at(-1)}`);
  const lines = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as EditionLine | EditionsSummary);
  const eds = lines.filter((l): l is EditionLine => !('summary' in l));
  const sum = lines.find((l): l is EditionsSummary => 'summary' in l);
  if (!sum || eds.length === 0)
    throw new Error(`editions runner printed no result:\n${r.stderr.slice(-2000)}`);
  return {
    count: eds.length,
    launchMs: sum.launchMs,
    totalMs: sum.totalMs,
    perEdition: median(eds.map((e) => e.ms)),
    first: eds[0]!.ms,
    last: eds.at(-1)!.ms,
    rssFirst: eds[0]!.rss,
    rssLast: eds.at(-1)!.rss,
    maxRss: sum.maxRss,
    ...(r.treeRss ? { treeRss: r.treeRss } : {}),
  };
}
