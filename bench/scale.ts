/**
 * The scale half of the benchmark: the guide at ×1 and ×`factor` (bench/generate.ts), whole
 * process with peak memory, and `editions` releases built in one process sharing one browser
 * (bench/editions.ts in a child, so its memory is its own).
 */
import { join } from 'node:path';
import { generateScaledGuide } from './generate.js';
import { ROOT, cli, contentSize, parseStages } from './measure.js';
import { repeat, runOk, type RunResult } from './proc.js';
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
  /** The ×1 timings already measured in this run. */
  x1: { full: Timed; check: Timed; pages?: number };
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

/** Peak PSS of Node + Chromium in one extra, sampled full build (sampling costs CPU: not timed). */
async function sampledPeak(
  source: string,
  out: string,
  chrome: string,
): Promise<number | undefined> {
  return (await cli('full', source, out, chrome, 100)).treeRss;
}

export async function measureScale(
  o: ScaleOptions,
): Promise<{ scale: NonNullable<BenchResult['scale']>; editions: EditionsResult }> {
  const bigSource = join(o.work, `guide-x${o.factor}`);
  const gen = await generateScaledGuide(o.source, o.factor, bigSource);
  o.log(
    `generated ×${o.factor} guide: ${gen.multiplied.length} chapters multiplied, +${gen.added} pages`,
  );
  const [size1, size10] = [await contentSize(o.source), await contentSize(bigSource)];

  await cli('full', bigSource, join(o.work, 'x10'), o.chrome); // warm-up
  const full10: RunResult[] = [];
  const check10: RunResult[] = [];
  await repeat(o.runs, async (i) => {
    full10.push(await cli('full', bigSource, join(o.work, 'x10'), o.chrome));
    check10.push(await cli('check', bigSource, '', o.chrome));
    o.log(
      `×${o.factor} round ${i + 1}/${o.runs}: full ${ms(full10.at(-1)!.ms)}, check ${ms(check10.at(-1)!.ms)}`,
    );
  });
  const x1Runs: RunResult[] = [];
  await repeat(
    Math.min(o.runs, 3),
    async () => void x1Runs.push(await cli('full', o.source, join(o.work, 'x1'), o.chrome)),
  );
  const tree1 = await sampledPeak(o.source, join(o.work, 'x1'), o.chrome);
  const tree10 = await sampledPeak(bigSource, join(o.work, 'x10'), o.chrome);

  const s1 = stageMedians(x1Runs);
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
  };
  const timeRatio = x10.full.median / x1.full.median;
  const contentRatio = size10.words / size1.words;
  const scale = {
    factor: o.factor,
    x1,
    x10,
    timeRatio,
    contentRatio,
    perUnit: timeRatio / contentRatio,
  };

  o.log(`${o.editions} editions in one process…`);
  const editions = await measureEditions(o);
  return { scale, editions };
}

async function measureEditions(o: ScaleOptions): Promise<EditionsResult> {
  const r = await runOk(
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
    { cwd: ROOT, sampleMs: 250 },
  );
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
