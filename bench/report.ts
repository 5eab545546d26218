/** The benchmark's result: its shape, the printed report and the README section. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportProbe } from './measure.js';
import { mb, ms, table, type TargetResult } from './stats.js';

export interface Timed {
  median: number;
  runs: number[];
  /** Largest single process's peak RSS (GNU time), median over runs, bytes. */
  maxRss?: number;
  /** Peak of the summed PSS of the whole process tree, in one sampled (untimed) run, bytes. */
  treePss?: number;
}

export interface ScaleSide {
  source: string;
  words: number;
  chapters: number;
  pages?: number;
  full: Timed;
  check: Timed;
  /** Peak PSS of the whole process tree (Node + Chromium) in one sampled full build. */
  treeRss?: number;
  stages: Record<string, number>;
  /** Why the build failed (the ×10 guide may exceed the print timeout). */
  error?: string;
}

export interface EditionsResult {
  count: number;
  error?: string;
  launchMs: number;
  totalMs: number;
  perEdition: number;
  first: number;
  last: number;
  rssFirst: number;
  rssLast: number;
  maxRss: number;
  treeRss?: number;
}

export interface BenchResult {
  date: string;
  machine: {
    cpus: number;
    node: string;
    chromium: string;
    pandoc?: string;
    load: [number, number];
    /** `node -e 0` in ms: as the environment is, and without NODE_EXTRA_CA_CERTS. */
    nodeStartup?: { asIs: number; withoutExtraCerts: number };
  };
  source: string;
  runs: number;
  pages?: number;
  stages: { stage: string; items: number; median: number }[];
  inProcessWall: number;
  cli: Record<string, Timed>;
  floor: Timed;
  pandoc?: Timed & { markdown: string };
  /** pandoc with pdflatex making one untagged PDF with a contents (`--toc`). */
  pandocPdf?: Timed;
  /** `node -e 0`, `bin/handbook.js --version` and `npx handbook --version`, ms. */
  startup?: { node: number; bin: number; npx: number };
  targets: TargetResult[];
  probes: ImportProbe[];
  importCosts: Record<string, number>;
  scale?: {
    factor: number;
    runs?: number;
    x1: ScaleSide;
    x10: ScaleSide;
    timeRatio: number;
    contentRatio: number;
    perUnit: number;
  };
  editions?: EditionsResult;
}

const CLI_ROWS: [string, string][] = [
  ['full-cold', 'cold full build (html,pdf,docx)'],
  ['docx-cold', 'cold --format docx'],
  ['check-cold', 'cold handbook check'],
  ['full', 'warm full build (html,pdf,docx)'],
  ['pdf', 'warm --format pdf'],
  ['docx', 'warm --format docx'],
  ['html', 'warm --format html'],
  ['check', 'warm handbook check'],
];

export function renderReport(r: BenchResult): string {
  const out: string[] = [];
  const busy =
    r.machine.load[0] > 1
      ? ` The machine was shared with other work (load average ${r.machine.load[0].toFixed(1)} on ${r.machine.cpus} cores): absolute times are inflated; the ratios, measured side by side, are the comparison.`
      : '';
  out.push(
    `Measured ${r.date} on ${r.machine.cpus} cores, Node ${r.machine.node}, ${r.machine.chromium}` +
      `${r.machine.pandoc ? `, ${r.machine.pandoc}` : ''}; load average ${r.machine.load[0].toFixed(1)} at the start, ${r.machine.load[1].toFixed(1)} at the end; source \`${r.source}\`${r.pages ? ` (${r.pages} PDF pages)` : ''}; medians of ${r.runs} runs, all in one run of the bench.${busy}`,
    '',
  );
  const start = r.machine.nodeStartup;
  if (start && start.asIs - start.withoutExtraCerts > 30) {
    out.push(
      `Node itself takes ${ms(start.asIs)} to start here, ${ms(start.withoutExtraCerts)} without the NODE_EXTRA_CA_CERTS this environment sets (Node parses those certificates before running any code; nothing inside Node can undo it). \`bin/handbook.js\` is a plain \`#!/usr/bin/env node\` that npm's Windows shims can run, so it leaves the environment as it is; the CLI rows below run the bin as \`npx handbook\` does, certificates included.`,
      '',
    );
  }
  if (r.startup) {
    out.push(
      `Start-up of one CLI call (medians): \`node -e 0\` ${ms(r.startup.node)}, \`bin/handbook.js --version\` ${ms(r.startup.bin)}, \`npx handbook --version\` ${ms(r.startup.npx)}: npx adds ${ms(r.startup.npx - r.startup.bin)} of npm's own start-up to every call. The rows below run the bin directly (through its shebang), without npx.`,
      '',
    );
  }
  const row = (label: string, t: Timed): string[] => [label, ms(t.median), mb(t.treePss)];
  const procRows = CLI_ROWS.filter(([k]) => r.cli[k]).map(([k, label]) => row(label, r.cli[k]!));
  procRows.push(row('floor: chromium --print-to-pdf handbook.html', r.floor));
  procRows.push(
    r.pandoc
      ? row(`pandoc -t docx (Markdown: ${r.pandoc.markdown})`, r.pandoc)
      : ['pandoc -t docx', 'pandoc not installed: ratio skipped', '–'],
  );
  procRows.push(
    r.pandocPdf
      ? row('pandoc --pdf-engine=pdflatex --toc (one untagged PDF)', r.pandocPdf)
      : ['pandoc + pdflatex', 'not installed or failed: ratio skipped', '–'],
  );
  out.push(
    'Whole process (spawn → exit; cold = `--no-cache`, the tree built from the sources, as every release, CI and first build is; warm = the front half from the build cache). Memory: the peak of the summed PSS of the whole process tree (Node and every Chromium process, or pandoc and LaTeX), sampled every 20 ms from /proc/<pid>/smaps_rollup in one more, untimed run of each:',
    '',
    table(['run', 'median', 'peak PSS (process tree)'], procRows),
    '',
  );
  out.push(
    'Targets:',
    '',
    table(
      ['ratio / measure', 'value', 'target', ''],
      r.targets.map((t) => [t.name, t.shown, t.target, t.status + (t.note ? ` (${t.note})` : '')]),
    ),
    '',
  );
  out.push(
    `Stages of an in-process full build (\`build()\`, medians; wall ${ms(r.inProcessWall)}; the browser launches during load…transform and the DOCX renders while Chromium prints, so stages overlap):`,
    '',
    table(
      ['stage', 'items', 'median'],
      r.stages.map((s) => [s.stage, String(s.items), ms(s.median)]),
    ),
    '',
  );
  if (r.scale) out.push(...renderScale(r.scale), '');
  if (r.editions) out.push(...renderEditions(r.editions), '');
  out.push(
    'Lazy imports (packages loaded per CLI run, via an ESM loader hook; import cost in a fresh Node: ' +
      Object.entries(r.importCosts)
        .map(([p, t]) => `${p} ${ms(t)}`)
        .join(', ') +
      '):',
    '',
    table(
      ['run', 'packages', ...Object.keys(r.probes[0]?.watched ?? {})],
      r.probes.map((p) => [
        p.run,
        String(p.packages),
        ...Object.values(p.watched).map((v) => (v ? 'loaded' : '–')),
      ]),
    ),
  );
  return out.join('\n');
}

function renderScale(s: NonNullable<BenchResult['scale']>): string[] {
  const row = (label: string, x: ScaleSide): string[] => [
    label,
    String(x.chapters),
    String(x.words),
    x.pages ? String(x.pages) : '–',
    ms(x.full.median),
    ms(x.check.median),
    mb(x.treeRss),
  ];
  const failed = s.x10.error ? [``, `**The ×${s.factor} build failed: ${s.x10.error}.**`] : [];
  return [
    `Scale: a generated guide with each chapter ×${s.factor} (bench/generate.ts); content ×${s.contentRatio.toFixed(2)} (words), time ×${s.timeRatio.toFixed(2)}, time per unit of content ×${s.perUnit.toFixed(2)}${s.runs ? ` (×${s.factor}: medians of ${s.runs})` : ''}:`,
    '',
    table(
      ['guide', 'chapters', 'words', 'PDF pages', 'full build', 'check', 'peak PSS (process tree)'],
      [row('×1', s.x1), row(`×${s.factor}`, s.x10)],
    ),
    '',
    ...failed,
    `Stages of the ×${s.factor} CLI build: ${Object.entries(s.x10.stages)
      .map(([k, v]) => `${k} ${ms(v)}`)
      .join(', ')}.`,
  ];
}

function renderEditions(e: EditionsResult): string[] {
  if (e.error)
    return [`${e.count} editions in one process sharing one browser: **failed: ${e.error}**.`];
  return [
    `${e.count} editions of handbook.yml (logo, colour, a local page, a chapter left out) in one process sharing one browser (\`build({ edition, session })\`, every format, written to a temp dir): ` +
      `browser launch ${ms(e.launchMs)}, total ${ms(e.totalMs)}, median ${ms(e.perEdition)} per edition (first ${ms(e.first)}, last ${ms(e.last)}); ` +
      `Node RSS after the first ${mb(e.rssFirst)}, after the last ${mb(e.rssLast)} (growth ${mb(e.rssLast - e.rssFirst)}), Node peak ${mb(e.maxRss)}` +
      `${e.treeRss ? `, peak PSS with Chromium ${mb(e.treeRss)}` : ''}.`,
  ];
}

export function renderJson(r: BenchResult): string {
  return JSON.stringify(r, null, 2);
}

/** Replaces (or appends) the README's "## Benchmark" section; the rest of the README is kept. */
export function writeReadmeSection(root: string, body: string): void {
  const file = join(root, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const section = `## Benchmark\n\n${body.trim()}\n`;
  const start = readme.search(/^## Benchmark\s*$/m);
  if (start < 0) {
    writeFileSync(file, `${readme.trimEnd()}\n\n${section}`);
    return;
  }
  const after = readme.slice(start + 1).search(/^## /m);
  const end = after < 0 ? readme.length : start + 1 + after;
  writeFileSync(
    file,
    `${readme.slice(0, start)}${section}${after < 0 ? '' : `\n${readme.slice(end)}`}`,
  );
}

export const REPRODUCE = [
  'Reproduce (the CLI runs from its bundle in lib/cli/, rebuilt by the bench when stale; pandoc, pdflatex and GNU time are optional: `apt-get install pandoc texlive-latex-recommended texlive-fonts-recommended lmodern`):',
  '',
  '```sh',
  'npm run bench -- --scale-runs 2 --readme    # the run above (×10 builds: medians of 2, to save time)',
  'npm run bench                               # everything: medians of 5, floor, pandoc, scale ×10, 20 editions',
  'npm run bench -- --quick --runs 3           # no scale tests',
  'npm run -s bench -- --source DIR --json > r.json   # another guide; machine-readable result',
  'npm run bench -- --from r.json --readme     # re-render a saved result into this section',
  'npm run bench -- --readme                   # rewrite this section with the new numbers',
  '```',
].join('\n');
