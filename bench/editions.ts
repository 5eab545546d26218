/**
 * Child runner for the scale benchmark: `count` editions of handbook.yml (bench/edition-source.ts:
 * copies of the guide's first edition, with its logo, colour, local page and left-out chapter)
 * built in ONE process sharing ONE browser (`build({ edition, session })`), every format, each
 * written to its own temp directory. Prints one JSON line per edition and a summary line.
 *
 *   node --import tsx bench/editions.ts --source DIR --out DIR [--count 20] [--chrome PATH] [--all]
 *
 * `--all`: as `build --edition all` does it (src/editions/build-all.ts, editions overlapping):
 * one edition built alone first, then the main guide and every edition in one call; prints one
 * summary line whose `perExtraMs` is (all − one) / (builds − 1), with CPU the same way.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { treeCpuMs } from './proc.js';

export interface EditionLine {
  edition: number;
  version: string;
  ms: number;
  /** Resident set after this edition (bytes). */
  rss: number;
  heapUsed: number;
  bytes: number;
  pages?: number;
  /** CPU of this process during the edition (user + system, ms). */
  cpuMs: number;
  /** CPU of the browser's processes during the edition (ms, from /proc; 0 elsewhere). */
  browserCpuMs: number;
  /** The build's stage timings, `stage: ms` (stages overlap: they do not sum to `ms`). */
  stages: Record<string, number>;
}

export interface EditionsSummary {
  summary: true;
  launchMs: number;
  totalMs: number;
  maxRss: number;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string', default: 'content' },
      out: { type: 'string' },
      count: { type: 'string', default: '20' },
      chrome: { type: 'string' },
      date: { type: 'string', default: '2024-01-02' },
      all: { type: 'boolean', default: false },
    },
  });
  if (!values.out) throw new Error('give --out DIR');
  if (values.all) return all(values.source!, values.out, Number(values.count), values);
  const { build, writeBuild } = await import('../src/build.js');
  const { editionSource } = await import('./edition-source.js');
  const { source, ids } = await editionSource(
    resolve(values.source!),
    join(values.out, 'source'),
    Number(values.count),
  );
  const { openSession } = await import('../src/pdf/index.js');
  const started = performance.now();
  const session = await openSession({ chrome: values.chrome });
  const launchMs = performance.now() - started;
  try {
    for (let i = 1; i <= Number(values.count); i++) {
      const version = `1.${i}.0`;
      const t = performance.now();
      const cpu = process.cpuUsage();
      const tree = treeCpuMs(process.pid);
      const result = await build({
        source,
        version,
        date: values.date,
        session,
        edition: ids[i - 1]!,
      });
      await writeBuild(result, join(values.out, version));
      const mem = process.memoryUsage();
      const used = process.cpuUsage(cpu);
      const stages: Record<string, number> = {};
      for (const st of result.timings.stages)
        stages[st.stage] = Math.round((stages[st.stage] ?? 0) + st.ms);
      const pdf = result.outputs.find((o) => o.format === 'pdf');
      const line: EditionLine = {
        edition: i,
        version,
        ms: performance.now() - t,
        rss: mem.rss,
        heapUsed: mem.heapUsed,
        bytes: result.outputs.reduce((n, o) => n + o.bytes.length, 0),
        cpuMs: Math.round((used.user + used.system) / 1000),
        browserCpuMs: Math.round(treeCpuMs(process.pid) - tree - (used.user + used.system) / 1000),
        stages,
        ...(pdf?.pageCount !== undefined ? { pages: pdf.pageCount } : {}),
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
    }
  } finally {
    await session.close();
  }
  const summary: EditionsSummary = {
    summary: true,
    launchMs,
    totalMs: performance.now() - started,
    // maxRSS is in kilobytes.
    maxRss: process.resourceUsage().maxRSS * 1024,
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

/** CPU of this process and of the browser's live processes since `from` (ms). */
function cpuSince(from: { node: NodeJS.CpuUsage; tree: number }): {
  node: number;
  browser: number;
} {
  const used = process.cpuUsage(from.node);
  const node = (used.user + used.system) / 1000;
  return { node, browser: treeCpuMs(process.pid) - from.tree - node };
}

async function all(
  sourceDir: string,
  out: string,
  count: number,
  o: { chrome?: string; date?: string },
): Promise<void> {
  const { build } = await import('../src/build.js');
  const { buildEditions } = await import('../src/editions/build-all.js');
  const { editionSource } = await import('./edition-source.js');
  const { source, ids } = await editionSource(resolve(sourceDir), join(out, 'source'), count);
  const { openSession } = await import('../src/pdf/index.js');
  const session = await openSession({ chrome: o.chrome });
  try {
    const mark = () => ({
      t: performance.now(),
      node: process.cpuUsage(),
      tree: treeCpuMs(process.pid),
    });
    const m1 = mark();
    await build({ source, date: o.date, session, edition: ids[0]! });
    const oneMs = performance.now() - m1.t;
    const oneCpu = cpuSince(m1);
    const m2 = mark();
    const builds = await buildEditions({
      source,
      date: o.date,
      session,
      edition: 'all',
      out: join(out, 'all'),
    });
    const allMs = performance.now() - m2.t;
    const allCpu = cpuSince(m2);
    const extra = builds.length - 1;
    const line = {
      summary: true,
      builds: builds.length,
      oneMs: Math.round(oneMs),
      allMs: Math.round(allMs),
      perExtraMs: Math.round((allMs - oneMs) / extra),
      perExtraCpuMs: Math.round((allCpu.node - oneCpu.node) / extra),
      perExtraBrowserCpuMs: Math.round((allCpu.browser - oneCpu.browser) / extra),
      maxRss: process.resourceUsage().maxRSS * 1024,
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    await session.close();
  }
}

await main();
