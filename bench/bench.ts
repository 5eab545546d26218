/**
 * `npm run bench [-- --source DIR] [--runs N] [--quick] [--json] [--readme] [--scale-runs N] [--timeout MIN]`
 *
 * Builds the guide N times and compares, in the same run on this machine: per-stage timings
 * (in process), whole-process CLI runs cold and warm, the floor (Chromium itself printing the
 * handbook's own HTML), pandoc's DOCX and pandoc + pdflatex's PDF (when installed), each
 * run's peak PSS of its whole process tree (one more, untimed run each), the start-up of the
 * bin and of `npx`, and (unless --quick) a guide of ten times the content and twenty editions
 * built in one process sharing one browser. Speed is asserted here, never in tests.
 */
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { median, mb, ms, ratio, target } from './stats.js';
import { run, repeat, type RunResult } from './proc.js';
import {
  DATE,
  ROOT,
  chromePath,
  cli,
  ensureCompiled,
  floor,
  guideMarkdown,
  cliStartup,
  hasPandoc,
  hasPdflatex,
  importCost,
  latexMarkdown,
  nodeStartup,
  pandocDocx,
  pandocPdf,
  probeImports,
  tmp,
  type CliKind,
} from './measure.js';
import {
  REPRODUCE,
  renderJson,
  renderReport,
  writeReadmeSection,
  type BenchResult,
  type Timed,
} from './report.js';
import { measureScale } from './scale.js';
import { measureServe, renderServe, type ServeBench } from './serve.js';

const { values: flags } = parseArgs({
  options: {
    source: { type: 'string', default: 'content' },
    runs: { type: 'string', default: '5' },
    chrome: { type: 'string' },
    quick: { type: 'boolean', default: false },
    scale: { type: 'boolean', default: false },
    factor: { type: 'string', default: '10' },
    'scale-runs': { type: 'string' },
    /** Minutes a scaled CLI run may take before it is stopped and reported as failed. */
    timeout: { type: 'string', default: '15' },
    editions: { type: 'string', default: '20' },
    /** `handbook serve` latency, print refresh and memory (on by default, off with --quick). */
    serve: { type: 'boolean' },
    'no-serve': { type: 'boolean', default: false },
    /** Only the serve section. */
    'serve-only': { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    readme: { type: 'boolean', default: false },
    /** Re-render a saved `--json` result (e.g. into the README) without measuring again. */
    from: { type: 'string' },
  },
});

const log = (s: string): void => void process.stderr.write(`bench: ${s}\n`);
const timed = (runs: { ms: number; maxRss?: number }[]): Timed => {
  const rss = runs.map((r) => r.maxRss).filter((x): x is number => x !== undefined);
  return {
    median: median(runs.map((r) => r.ms)),
    runs: runs.map((r) => Math.round(r.ms)),
    ...(rss.length ? { maxRss: median(rss) } : {}),
  };
};

/** In-process builds: the stage timings from BuildResult.timings (medians per stage). */
async function stageTimings(
  source: string,
  n: number,
  chrome: string,
): Promise<Pick<BenchResult, 'stages' | 'inProcessWall' | 'pages'>> {
  const { build } = await import('../src/build.js');
  const perStage = new Map<string, { items: number; ms: number[] }>();
  const walls: number[] = [];
  let pages: number | undefined;
  await repeat(n, async (i) => {
    const t = performance.now();
    // No build cache: every stage is measured on every run.
    const r = await build({
      source,
      date: DATE,
      chrome,
      formats: ['html', 'pdf', 'docx'],
      cache: false,
    });
    walls.push(performance.now() - t);
    pages = r.outputs.find((o) => o.format === 'pdf')?.pageCount ?? pages;
    const sums = new Map<string, { items: number; ms: number }>();
    for (const s of r.timings.stages) {
      const prev = sums.get(s.stage);
      sums.set(s.stage, { items: s.items, ms: (prev?.ms ?? 0) + s.ms });
    }
    for (const [stage, s] of sums) {
      const e = perStage.get(stage) ?? { items: s.items, ms: [] };
      e.ms.push(s.ms);
      perStage.set(stage, e);
    }
    log(`in-process build ${i + 1}/${n}: ${ms(walls.at(-1))}`);
  });
  const stages = [...perStage].map(([stage, e]) => ({
    stage,
    items: e.items,
    median: median(e.ms),
  }));
  return { stages, inProcessWall: median(walls), ...(pages !== undefined ? { pages } : {}) };
}

/** true, or why pandoc + pdflatex cannot make the guide's PDF here (the row is then skipped). */
async function pdflatexWorks(md: string, source: string): Promise<true | string> {
  if (!(await hasPdflatex())) return 'pdflatex not installed';
  try {
    await pandocPdf(md, source);
    return true;
  } catch (e) {
    log(`pandoc + pdflatex failed, row skipped: ${String(e).slice(0, 400)}`);
    return 'failed on this guide';
  }
}

let serveResult: ServeBench | undefined;

function output(result: BenchResult): void {
  const report = [renderReport(result), serveResult ? renderServe(serveResult) : '']
    .filter(Boolean)
    .join('\n\n');
  if (flags.json)
    process.stdout.write(
      `${serveResult ? JSON.stringify({ ...JSON.parse(renderJson(result)), serve: serveResult }, null, 2) : renderJson(result)}\n`,
    );
  else process.stdout.write(`\n${report}\n`);
  if (flags.readme) {
    writeReadmeSection(ROOT, `${report}\n\n${REPRODUCE}`);
    log('README.md: "## Benchmark" section written');
  }
}

async function main(): Promise<void> {
  if (flags.from) {
    const text = readFileSync(flags.from, 'utf8');
    output(JSON.parse(text.slice(text.indexOf('{'))) as BenchResult);
    return;
  }
  const source = resolve(flags.source!);
  const wantsServe = flags['serve-only'] || flags.serve || (!flags.quick && !flags['no-serve']);
  const serveSection = async (chrome: string): Promise<void> => {
    if (!wantsServe) return;
    await ensureCompiled(log);
    serveResult = await measureServe({
      source,
      chrome,
      edits: 20,
      memoryEdits: 200,
      x10: !flags.quick || flags.scale === true,
      log,
    });
  };
  if (flags['serve-only']) {
    await serveSection(await chromePath(flags.chrome));
    if (serveResult) process.stdout.write(`\n${renderServe(serveResult)}\n`);
    return;
  }
  const loadStart = loadavg()[0]!;
  const n = Math.max(1, Number(flags.runs));
  const chrome = await chromePath(flags.chrome);
  const pandoc = await hasPandoc();
  const chromium = (await run(chrome, ['--version'])).stdout.trim() || chrome;
  await ensureCompiled(log);
  const work = tmp('run');
  try {
    log(
      `source ${source}, ${n} runs, ${chromium}${pandoc ? `, ${pandoc}` : ', pandoc not installed: ratio skipped'}`,
    );
    const inProcess = await stageTimings(source, n, chrome);

    // A warm-up full build (not counted) also gives the floor its input: the handbook's own HTML.
    const fullOut = join(work, 'full');
    await cli('full', source, fullOut, chrome);
    const html = join(fullOut, 'handbook.html');
    const md = join(work, 'guide.md');
    const markdown = pandoc ? await guideMarkdown(source, md) : undefined;
    const texMd = join(work, 'guide-latex.md');
    if (markdown) latexMarkdown(md, texMd);
    const pdflatex = markdown ? await pdflatexWorks(texMd, source) : 'pandoc not installed';

    // Interleaved rounds, so that every variant sees the same machine conditions.
    // Warm: an editor's rebuild (the tree from the build cache). Cold: `--no-cache`.
    const kinds: CliKind[] = [
      'full',
      'pdf',
      'docx',
      'html',
      'check',
      'full-cold',
      'docx-cold',
      'check-cold',
    ];
    const runs = new Map<string, RunResult[]>();
    const push = (k: string, r: RunResult): void => void runs.set(k, [...(runs.get(k) ?? []), r]);
    for (let i = 0; i < n; i++) {
      for (const k of kinds) push(k, await cli(k, source, join(work, k), chrome));
      push('floor', await floor(chrome, html));
      if (pandoc) push('pandoc', await pandocDocx(md, source));
      if (pdflatex === true) push('pandoc-pdf', await pandocPdf(texMd, source));
      log(
        `round ${i + 1}/${n}: ${[...runs].map(([k, v]) => `${k} ${ms(v.at(-1)!.ms)}`).join(', ')}`,
      );
    }
    const cliTimed = Object.fromEntries(kinds.map((k) => [k, timed(runs.get(k)!)]));
    const floorT = timed(runs.get('floor')!);
    const pandocT = pandoc && markdown ? { ...timed(runs.get('pandoc')!), markdown } : undefined;
    const pandocPdfT = pdflatex === true ? timed(runs.get('pandoc-pdf')!) : undefined;

    // Memory: one more run of each, not timed, its whole process tree (Node and every
    // Chromium process) sampled: the peak of the summed PSS (bench/proc.ts).
    log('sampling the memory of each run…');
    const pss = async (k: string, r: Promise<RunResult>): Promise<void> => {
      const peak = (await r).treeRss;
      const t =
        k === 'floor'
          ? floorT
          : k === 'pandoc'
            ? pandocT
            : k === 'pandoc-pdf'
              ? pandocPdfT
              : cliTimed[k];
      if (t && peak) t.treePss = peak;
    };
    const sample = { sampleMs: 20 };
    for (const k of kinds) await pss(k, cli(k, source, join(work, k), chrome, sample));
    await pss('floor', floor(chrome, html, sample));
    if (pandocT) await pss('pandoc', pandocDocx(md, source, sample));
    if (pandocPdfT) await pss('pandoc-pdf', pandocPdf(texMd, source, sample));

    log('probing which packages each run loads…');
    const probes = [];
    for (const k of ['check', 'html', 'docx', 'pdf'] as CliKind[])
      probes.push(await probeImports(k, source, chrome));
    const importCosts: Record<string, number> = {};
    for (const p of ['puppeteer-core', 'pdf-lib', 'docx']) importCosts[p] = await importCost(p, 3);
    const startup = await nodeStartup(5);
    const cliStart = await cliStartup(5);

    const full = cliTimed.full!.median;
    const seconds = (v: number | undefined): string =>
      v === undefined ? '–' : `${v.toFixed(2)} s`;
    const noPdflatex = pdflatex === true ? undefined : `pandoc + pdflatex: ${pdflatex}`;
    const noPandoc = pandocT ? undefined : 'pandoc not installed: ratio skipped';
    const targets = [
      target(
        'cold full build / pandoc + pdflatex',
        pandocPdfT ? cliTimed['full-cold']!.median / pandocPdfT.median : undefined,
        1.0,
        ratio,
        '≤ 1.00×',
        noPdflatex,
      ),
      target(
        'cold DOCX only / pandoc DOCX',
        pandocT ? cliTimed['docx-cold']!.median / pandocT.median : undefined,
        1.0,
        ratio,
        '≤ 1.00×',
        noPandoc,
      ),
      target(
        'cold handbook check',
        cliTimed['check-cold']!.median / 1000,
        0.3,
        seconds,
        '≤ 0.30 s',
      ),
      target('warm full build / floor', full / floorT.median, 0.8, ratio, '≤ 0.80×'),
      target(
        'cold full build / floor',
        cliTimed['full-cold']!.median / floorT.median,
        Infinity,
        ratio,
        '(info)',
      ),
      target('PDF only / floor', cliTimed.pdf!.median / floorT.median, Infinity, ratio, '(info)'),
      target(
        'warm DOCX only / pandoc DOCX',
        pandocT ? cliTimed.docx!.median / pandocT.median : undefined,
        Infinity,
        ratio,
        '(info)',
        noPandoc,
      ),
      target('warm handbook check', cliTimed.check!.median / 1000, Infinity, seconds, '(info)'),
    ];

    const result: BenchResult = {
      date: new Date().toISOString().slice(0, 10),
      machine: {
        cpus: cpus().length,
        node: process.version,
        chromium,
        ...(pandoc ? { pandoc } : {}),
        load: [loadStart, loadStart],
        nodeStartup: startup,
      },
      source: flags.source!,
      runs: n,
      ...inProcess,
      cli: cliTimed,
      floor: floorT,
      ...(pandocT ? { pandoc: pandocT } : {}),
      ...(pandocPdfT ? { pandocPdf: pandocPdfT } : {}),
      startup: cliStart,
      targets,
      probes,
      importCosts,
    };

    if (!flags.quick || flags.scale) {
      const scale = await measureScale({
        source,
        factor: Number(flags.factor),
        runs: flags['scale-runs'] ? Number(flags['scale-runs']) : Math.min(n, 3),
        timeoutMs: Number(flags.timeout) * 60_000,
        chrome,
        work,
        editions: Number(flags.editions),
        log,
        x1: {
          full: cliTimed.full!,
          check: cliTimed.check!,
          runs: runs.get('full')!,
          ...(inProcess.pages !== undefined ? { pages: inProcess.pages } : {}),
        },
      });
      result.scale = scale.scale;
      result.editions = scale.editions;
      targets.push(
        target(
          `×${flags.factor} content: time per unit vs ×1`,
          scale.scale.perUnit,
          1.0,
          ratio,
          '≤ 1.00× (linear)',
          scale.scale.x10.error,
        ),
        target(
          `×${flags.factor} content: peak memory`,
          scale.scale.x10.treeRss,
          1024 ** 3,
          mb,
          '≤ 1024 MB',
          scale.scale.x10.treeRss ? 'PSS of the whole process tree' : 'not sampled (no /proc)',
        ),
      );
      // A scaled build that fails or times out misses its targets.
      for (const t of targets.slice(-2))
        if (scale.scale.x10.error && t.status === 'SKIP') t.status = 'MISS';
    }

    await serveSection(chrome);
    result.machine.load[1] = loadavg()[0]!;
    output(result);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
