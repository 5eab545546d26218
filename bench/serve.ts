/**
 * `handbook serve` in the benchmark: save-to-visible latency (p50/p95 over N edits) for a
 * one-page text change, an include change and a config change, on a guide and on the ×10
 * guide; the print preview's refresh time against a warm `--format pdf` build; the server's
 * memory after 200 edits against after 10.
 *
 * Save-to-visible: the clock starts just before the file is written and stops when the open
 * page (a real Chromium) shows the new text: a MutationObserver in the page records the moment
 * on the same wall clock (performance.timeOrigin + now()). The server runs as `npx handbook
 * serve` does, from the bin; the HTML latency runs have no print preview (it would compete
 * for the two cores), the print run has it.
 *
 *   node --import tsx bench/serve.ts [--source content] [--edits 20] [--memory-edits 200] [--no-x10]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { generateScaledGuide } from './generate.js';
import { ROOT, chromePath, cli, ensureCompiled, tmp } from './measure.js';
import { median, mb, ms, ratio, table, target, type TargetResult } from './stats.js';

export interface LatencySet {
  kind: string;
  source: string;
  samples: number[];
  p50: number;
  p95: number;
}

export interface ServeBench {
  latency: LatencySet[];
  print?: { refresh: number[]; median: number; warmPdf: number; ratio: number };
  memory?: { after10: number; after: number; edits: number; growth: number };
  targets: TargetResult[];
}

const BIN = join(ROOT, 'bin', 'handbook.js');

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] ?? NaN;
}

interface Server {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

async function startServer(source: string, chrome: string, print: boolean): Promise<Server> {
  const args = ['serve', '--source', source, '--port', '0', '--chrome', chrome];
  if (!print) args.push('--no-print');
  // Through the bin's shebang, as `npx handbook serve` runs it (no Node flags).
  const child = spawn(BIN, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((res, rej) => {
    const look = (): void => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/) \(print/.exec(err);
      if (m?.[1]) res(m[1]);
    };
    child.stderr!.on('data', look);
    child.once('exit', () => rej(new Error(`serve exited: ${err.slice(-2000)}`)));
  });
  return {
    child,
    url,
    stop: () =>
      new Promise((res) => {
        if (child.exitCode !== null) return res();
        child.once('exit', () => res());
        child.kill('SIGINT');
      }),
  };
}

async function state(url: string): Promise<{
  version: number;
  pdf: { state: string; version?: number; current: boolean; ms?: number };
}> {
  return (await (await fetch(`${url}__serve/state`)).json()) as never;
}

/**
 * Resolves with the wall-clock time at which the page first contains `token`. The page code is
 * a string: tsx would wrap a function's inner names in a helper the page does not have.
 */
function seen(page: Page, token: string): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const t = ${JSON.stringify(token)};
    const check = () => {
      if (!document.body.textContent.includes(t)) return false;
      resolve(performance.timeOrigin + performance.now());
      return true;
    };
    if (check()) return;
    const obs = new MutationObserver(() => check() && obs.disconnect());
    obs.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  })`) as Promise<number>;
}

/** Waits until the page has applied a version newer than `v` (changes with nothing to see). */
function updated(page: Page, v: number): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const on = (e) => {
      if (e.detail > ${v}) {
        document.removeEventListener('hb-serve:updated', on);
        resolve(performance.timeOrigin + performance.now());
      }
    };
    document.addEventListener('hb-serve:updated', on);
  })`) as Promise<number>;
}

interface EditKind {
  kind: string;
  file: string;
  /** The edited text for edit i; `token` is what shows in the page (none: just a new version). */
  apply(original: string, i: number): { text: string; token?: string };
}

function editKinds(source: string): EditKind[] {
  const page = 'guide/02-kick-off.md';
  const include = '_includes/contact.html';
  const body = readFileSync(join(source, page), 'utf8');
  const para = /\n\n([A-Z][^\n{<]{40,})\n/.exec(body.slice(body.indexOf('\n---', 3) + 4));
  const sentence = para?.[1] ?? '';
  return [
    {
      kind: 'one-page text change',
      file: page,
      apply: (o, i) => ({
        text: o.replace(sentence, `${sentence} Pagemark${i}x.`),
        token: `Pagemark${i}x`,
      }),
    },
    {
      kind: 'include change',
      file: include,
      apply: (o, i) => ({
        text: o.replace('</h3>', `</h3><p>Includemark${i}x</p>`),
        token: `Includemark${i}x`,
      }),
    },
    {
      kind: 'config change',
      file: '_config.yml',
      apply: (o, i) => ({ text: `${o.trimEnd()}\nhb_bench_edit: ${i}\n` }),
    },
  ];
}

async function latency(
  browser: Browser,
  source: string,
  label: string,
  chrome: string,
  edits: number,
  log: (s: string) => void,
): Promise<LatencySet[]> {
  const server = await startServer(source, chrome, false);
  const page = await browser.newPage();
  const out: LatencySet[] = [];
  try {
    await page.goto(server.url, { waitUntil: 'load' });
    for (const k of editKinds(source)) {
      const file = join(source, k.file);
      const original = readFileSync(file, 'utf8');
      const samples: number[] = [];
      for (let i = 0; i < edits + 2; i++) {
        const { text, token } = k.apply(original, i);
        const v = (await state(server.url)).version;
        const shown = token ? seen(page, token) : updated(page, v);
        const t0 = performance.timeOrigin + performance.now();
        writeFileSync(file, text);
        const t1 = await shown;
        if (i >= 2) samples.push(t1 - t0); // two warm-up edits
        await new Promise((r) => setTimeout(r, 150));
      }
      writeFileSync(file, original);
      await new Promise((r) => setTimeout(r, 500));
      const set = {
        kind: k.kind,
        source: label,
        samples: samples.map(Math.round),
        p50: percentile(samples, 50),
        p95: percentile(samples, 95),
      };
      log(`serve ${label} ${k.kind}: p50 ${ms(set.p50)}, p95 ${ms(set.p95)}`);
      out.push(set);
    }
  } finally {
    await page.close();
    await server.stop();
  }
  return out;
}

async function printRefresh(
  source: string,
  chrome: string,
  n: number,
  log: (s: string) => void,
): Promise<NonNullable<ServeBench['print']>> {
  const server = await startServer(source, chrome, true);
  const kind = editKinds(source)[0]!;
  const file = join(source, kind.file);
  const original = readFileSync(file, 'utf8');
  const refresh: number[] = [];
  try {
    const current = async (v: number): Promise<void> => {
      for (;;) {
        const s = await state(server.url);
        if (
          s.version > v &&
          s.pdf.state === 'ready' &&
          s.pdf.current &&
          s.pdf.version === s.version
        )
          return;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await current(0);
    for (let i = 0; i < n + 1; i++) {
      const v = (await state(server.url)).version;
      const t0 = performance.now();
      writeFileSync(file, kind.apply(original, 100 + i).text);
      await current(v);
      if (i > 0) refresh.push(performance.now() - t0);
    }
  } finally {
    writeFileSync(file, original);
    await server.stop();
  }
  // A warm `--format pdf` build of the same sources: the second of two.
  const out = tmp('serve-pdf');
  await cli('pdf', source, out, chrome);
  const warm: number[] = [];
  for (let i = 0; i < Math.min(n, 3); i++) warm.push((await cli('pdf', source, out, chrome)).ms);
  rmSync(out, { recursive: true, force: true });
  const med = median(refresh);
  const warmPdf = median(warm);
  log(`serve print preview refresh: ${ms(med)} (warm --format pdf ${ms(warmPdf)})`);
  return { refresh: refresh.map(Math.round), median: med, warmPdf, ratio: med / warmPdf };
}

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : NaN;
}

async function memory(
  source: string,
  chrome: string,
  edits: number,
  log: (s: string) => void,
): Promise<NonNullable<ServeBench['memory']>> {
  const server = await startServer(source, chrome, false);
  const kind = editKinds(source)[0]!;
  const file = join(source, kind.file);
  const original = readFileSync(file, 'utf8');
  let after10 = NaN;
  let after = NaN;
  // Settled: the idle collections (src/serve/idle-gc.ts, 1.2 s after the last rebuild) have run.
  const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 2500));
  try {
    for (let i = 1; i <= edits; i++) {
      const v = (await state(server.url)).version;
      writeFileSync(file, kind.apply(original, 1000 + i).text);
      while ((await state(server.url)).version <= v) await new Promise((r) => setTimeout(r, 10));
      if (i === 10) {
        await settle();
        after10 = rssOf(server.child.pid!);
      }
    }
    await settle();
    after = rssOf(server.child.pid!);
  } finally {
    writeFileSync(file, original);
    await server.stop();
  }
  log(`serve memory: after 10 edits ${mb(after10)}, after ${edits} ${mb(after)}`);
  return { after10, after, edits, growth: after / after10 - 1 };
}

/** The latency runs alone, on a copy of the guide (and the ×10 guide). */
export async function measureLatency(o: {
  source: string;
  chrome: string;
  edits: number;
  x10: boolean;
  log: (s: string) => void;
}): Promise<LatencySet[]> {
  const work = tmp('serve-latency');
  const { default: puppeteer } = await import('puppeteer-core');
  const { LAUNCH_ARGS } = await import('../src/pdf/chromium-process.js');
  const browser = await puppeteer.launch({
    executablePath: o.chrome,
    headless: true,
    args: [...LAUNCH_ARGS, `--user-data-dir=${join(work, 'profile')}`],
  });
  try {
    const x1 = join(work, 'x1');
    cpSync(o.source, x1, { recursive: true });
    const sets = await latency(browser, x1, 'content', o.chrome, o.edits, o.log);
    if (o.x10) {
      const big = join(work, 'x10');
      await generateScaledGuide(o.source, 10, big);
      sets.push(...(await latency(browser, big, '×10 guide', o.chrome, o.edits, o.log)));
    }
    return sets;
  } finally {
    await browser.close().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

export async function measureServe(o: {
  source: string;
  chrome: string;
  edits: number;
  memoryEdits: number;
  x10: boolean;
  log: (s: string) => void;
}): Promise<ServeBench> {
  const work = tmp('serve');
  const { default: puppeteer } = await import('puppeteer-core');
  const { LAUNCH_ARGS } = await import('../src/pdf/chromium-process.js');
  const profile = join(work, 'profile');
  const browser = await puppeteer.launch({
    executablePath: o.chrome,
    headless: true,
    args: [...LAUNCH_ARGS, `--user-data-dir=${profile}`],
  });
  try {
    const x1 = join(work, 'x1');
    cpSync(o.source, x1, { recursive: true });
    const latencySets = await latency(browser, x1, 'content', o.chrome, o.edits, o.log);
    if (o.x10) {
      const big = join(work, 'x10');
      await generateScaledGuide(o.source, 10, big);
      latencySets.push(...(await latency(browser, big, '×10 guide', o.chrome, o.edits, o.log)));
    }
    await browser.close();
    const print = await printRefresh(x1, o.chrome, Math.min(o.edits, 5), o.log);
    const mem = await memory(x1, o.chrome, o.memoryEdits, o.log);
    const page1 = latencySets.filter((l) => l.kind === 'one-page text change');
    const targets = [
      ...page1.flatMap((l) => [
        target(`serve ${l.source}: one-page edit p50`, l.p50, 150, ms, '≤ 150 ms'),
        target(`serve ${l.source}: one-page edit p95`, l.p95, 300, ms, '≤ 300 ms'),
      ]),
      target('serve print preview / warm --format pdf', print.ratio, 1.5, ratio, '≤ 1.50×'),
      target(
        `serve memory after ${mem.edits} edits / after 10`,
        1 + mem.growth,
        1.2,
        ratio,
        '≤ 1.20×',
      ),
    ];
    return { latency: latencySets, print, memory: mem, targets };
  } finally {
    await browser.close().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
}

export function renderServe(r: ServeBench): string {
  const rows = r.latency.map((l) => [
    l.source,
    l.kind,
    ms(l.p50),
    ms(l.p95),
    String(l.samples.length),
  ]);
  const lines = [
    '`handbook serve`: save-to-visible latency in a real Chromium (file written → new text in the open page):',
    '',
    table(['guide', 'change', 'p50', 'p95', 'edits'], rows),
    '',
  ];
  if (r.print) {
    lines.push(
      `Print preview refresh (save → current PDF on offer): median ${ms(r.print.median)} over ${r.print.refresh.length} edits; warm \`--format pdf\` build ${ms(r.print.warmPdf)} (${ratio(r.print.ratio)}).`,
      '',
    );
  }
  if (r.memory) {
    lines.push(
      `Server memory (RSS of the Node process, settled): after 10 edits ${mb(r.memory.after10)}, after ${r.memory.edits} ${mb(r.memory.after)} (${r.memory.growth >= 0 ? '+' : ''}${(r.memory.growth * 100).toFixed(1)}%).`,
      '',
    );
  }
  lines.push(
    table(
      ['measure', 'value', 'target', ''],
      r.targets.map((t) => [t.name, t.shown, t.target, t.status]),
    ),
  );
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      source: { type: 'string', default: 'content' },
      edits: { type: 'string', default: '20' },
      'memory-edits': { type: 'string', default: '200' },
      'no-x10': { type: 'boolean', default: false },
      chrome: { type: 'string' },
      json: { type: 'boolean', default: false },
      /** Only the memory measurement. */
      'memory-only': { type: 'boolean', default: false },
      /** Only the save-to-visible latency (no print preview, no memory run). */
      'latency-only': { type: 'boolean', default: false },
    },
  });
  const log = (s: string): void => void process.stderr.write(`bench: ${s}\n`);
  await ensureCompiled(log);
  if (values['memory-only']) {
    const dir = join(tmp('serve-mem'), 'site');
    cpSync(resolve(values.source!), dir, { recursive: true });
    const m = await memory(
      dir,
      await chromePath(values.chrome),
      Number(values['memory-edits']),
      log,
    );
    process.stdout.write(`${JSON.stringify(m)}\n`);
    process.exit(0);
  }
  if (values['latency-only']) {
    const r = await measureLatency({
      source: resolve(values.source!),
      chrome: await chromePath(values.chrome),
      edits: Number(values.edits),
      x10: !values['no-x10'],
      log,
    });
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exit(0);
  }
  const r = await measureServe({
    source: resolve(values.source!),
    chrome: await chromePath(values.chrome),
    edits: Number(values.edits),
    memoryEdits: Number(values['memory-edits']),
    x10: !values['no-x10'],
    log,
  });
  process.stdout.write(values.json ? `${JSON.stringify(r, null, 2)}\n` : `\n${renderServe(r)}\n`);
}
