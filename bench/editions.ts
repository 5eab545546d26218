/**
 * Child runner for the scale benchmark: `count` editions of handbook.yml (bench/edition-source.ts:
 * copies of the guide's first edition, with its logo, colour, local page and left-out chapter)
 * built in ONE process sharing ONE browser (`build({ edition, session })`), every format, each
 * written to its own temp directory. Prints one JSON line per edition and a summary line.
 *
 *   node --import tsx bench/editions.ts --source DIR --out DIR [--count 20] [--chrome PATH]
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

export interface EditionLine {
  edition: number;
  version: string;
  ms: number;
  /** Resident set after this edition (bytes). */
  rss: number;
  heapUsed: number;
  bytes: number;
  pages?: number;
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
    },
  });
  if (!values.out) throw new Error('give --out DIR');
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
      const result = await build({
        source,
        version,
        date: values.date,
        session,
        edition: ids[i - 1]!,
      });
      await writeBuild(result, join(values.out, version));
      const mem = process.memoryUsage();
      const pdf = result.outputs.find((o) => o.format === 'pdf');
      const line: EditionLine = {
        edition: i,
        version,
        ms: performance.now() - t,
        rss: mem.rss,
        heapUsed: mem.heapUsed,
        bytes: result.outputs.reduce((n, o) => n + o.bytes.length, 0),
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

await main();
