/**
 * The benchmark's measurements, one function each: in-process stage timings, whole-process
 * CLI runs, the Chromium floor, pandoc's DOCX, which packages a run loads, and content size.
 */
import {
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run, runOk, type RunResult } from './proc.js';
import { ms } from './stats.js';
import type { ExpandedPage } from '../src/model.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const DATE = '2024-01-02';

export function tmp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `hb-bench-${prefix}-`));
}

/**
 * The browser every run uses, found as the build finds it (--chrome, CHROME_PATH, system, embedded);
 * then passed to the CLI with --chrome so that the builds and the floor print with the same one.
 */
export async function chromePath(flag?: string): Promise<string> {
  try {
    const { findBrowser } = await import('../src/pdf/browser-finder.js');
    return (await findBrowser(flag ? { chrome: flag } : {})).path;
  } catch {
    return flag ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';
  }
}

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The CLI runs from its bundle in lib/cli/: build it when missing or older than src/. */
export async function ensureCompiled(log: (s: string) => void): Promise<void> {
  const cli = join(ROOT, 'lib', 'cli', 'handbook.js');
  if (existsSync(cli) && statSync(cli).mtimeMs >= newest(join(ROOT, 'src'))) return;
  log('building lib/ (npm run build:lib)…');
  const r = await run('npm', ['run', 'build:lib'], { cwd: ROOT });
  if (r.code !== 0) log(`npm run build:lib failed:\n${(r.stdout + r.stderr).slice(0, 2000)}`);
  if (!existsSync(cli)) throw new Error('lib/cli/handbook.js is missing after npm run build:lib');
}

type WarmKind = 'full' | 'pdf' | 'docx' | 'html' | 'check';
/** `-cold`: the same run with `--no-cache`, the tree rebuilt from the sources. */
export type CliKind = WarmKind | `${WarmKind}-cold`;
const FORMAT: Record<Exclude<WarmKind, 'check'>, string> = {
  full: 'html,pdf,docx',
  pdf: 'pdf',
  docx: 'docx',
  html: 'html',
};

export function cliArgs(kind: CliKind, source: string, out: string, chrome: string): string[] {
  const cold = kind.endsWith('-cold');
  const warm = kind.replace(/-cold$/, '') as WarmKind;
  const extra = cold ? ['--no-cache'] : [];
  if (warm === 'check')
    return [join(ROOT, 'bin', 'handbook.js'), 'check', '--source', source, ...extra];
  return [
    join(ROOT, 'bin', 'handbook.js'),
    'build',
    ...extra,
    '--source',
    source,
    '--out',
    out,
    '--format',
    FORMAT[warm],
    '--date',
    DATE,
    '--chrome',
    chrome,
  ];
}

/** One whole-process CLI run. `check` may exit 1 on findings in the sources: that is still a run. */
export async function cli(
  kind: CliKind,
  source: string,
  out: string,
  chrome: string,
  opts: { sampleMs?: number; timeoutMs?: number } = {},
): Promise<RunResult> {
  // Through the bin script's shebang, as `npx handbook` runs it (not `node bin/handbook.js`).
  const [bin, ...args] = cliArgs(kind, source, out, chrome);
  const r = await run(bin!, args, { cwd: ROOT, ...opts });
  if (r.timedOut) throw new Error(`handbook ${kind} timed out after ${ms(r.ms)}`);
  const failed = kind.startsWith('check') ? r.code !== 0 && r.code !== 1 : r.code !== 0;
  if (failed) throw new Error(`handbook ${kind} exited with ${r.code}:\n${r.stderr.slice(-4000)}`);
  return r;
}

/**
 * Node's own start-up (`node -e 0`, median of `n`) with the environment as it is and without
 * NODE_EXTRA_CA_CERTS: when that is set, Node parses the certificates before running any code
 * (~0.13 s here). bin/handbook.js leaves it set (a plain `#!/usr/bin/env node`, which npm's
 * Windows shims can run): the difference is a cost of the environment, reported as such.
 */
export async function nodeStartup(n: number): Promise<{ asIs: number; withoutExtraCerts: number }> {
  const time = async (env: NodeJS.ProcessEnv): Promise<number> => {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) xs.push((await runOk(process.execPath, ['-e', '0'], { env })).ms);
    return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  };
  const without = { ...process.env };
  delete without.NODE_EXTRA_CA_CERTS;
  return { asIs: await time(process.env), withoutExtraCerts: await time(without) };
}

/** The floor: Chromium itself printing the handbook's own HTML, as a whole process. */
export async function floor(
  chrome: string,
  html: string,
  opts: { sampleMs?: number } = {},
): Promise<RunResult> {
  const dir = tmp('floor');
  try {
    return await runOk(
      chrome,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--no-pdf-header-footer',
        `--print-to-pdf=${join(dir, 'floor.pdf')}`,
        html,
      ],
      opts,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function hasPandoc(): Promise<string | undefined> {
  try {
    const r = await run('pandoc', ['--version']);
    return r.code === 0 ? r.stdout.split('\n')[0] : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The guide's Markdown for pandoc: the chapters in reading order after Liquid (ExpandedPage
 * markdown, includes expanded to HTML), or the raw bodies with Liquid tags stripped when the
 * Liquid stage cannot run.
 */
export async function guideMarkdown(
  source: string,
  file: string,
): Promise<'expanded' | 'raw, Liquid stripped'> {
  const kind = await writeGuideMarkdown(source, file);
  writeFileSync(file, localImages(readFileSync(file, 'utf8'), source));
  return kind;
}

/**
 * Site-absolute image paths (`/assets/…`, `/baseurl/assets/…`) made file paths for pandoc,
 * which stops on an image it cannot open; an image not in the tree is left out.
 */
function localImages(md: string, source: string): string {
  const local = (url: string): string | undefined => {
    const parts = url.split('/').filter(Boolean);
    for (let i = 0; i < parts.length; i++) {
      const p = join(source, ...parts.slice(i));
      if (existsSync(p)) return p;
    }
    return undefined;
  };
  return md
    .replace(
      /!\[([^\]]*)\]\((\/[^)\s]+)([^)]*)\)/g,
      (_m, alt: string, url: string, rest: string) => {
        const p = local(url);
        return p ? `![${alt}](${p}${rest})` : alt;
      },
    )
    .replace(/<img\b[^>]*>/g, (tag) => {
      const url = /src="(\/[^"]+)"/.exec(tag)?.[1];
      if (!url) return tag;
      const p = local(url);
      return p ? tag.replace(url, p) : '';
    });
}

async function writeGuideMarkdown(
  source: string,
  file: string,
): Promise<'expanded' | 'raw, Liquid stripped'> {
  const { loadSource } = await import('../src/load/index.js');
  const { Diagnostics } = await import('../src/diagnostics.js');
  const diag = new Diagnostics();
  const tree = await loadSource(source, diag);
  const pages = tree.order.map((o) => o.page);
  try {
    const { expandPages } = await import('../src/liquid/index.js');
    const expanded = await expandPages(tree, pages, diag, { collect: true });
    writeFileSync(
      file,
      expanded.map((p: ExpandedPage) => `# ${p.page.title}\n\n${p.markdown}`).join('\n\n'),
    );
    return 'expanded';
  } catch {
    const strip = (s: string): string => s.replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, '');
    writeFileSync(file, pages.map((p) => `# ${p.title}\n\n${strip(p.body)}`).join('\n\n'));
    return 'raw, Liquid stripped';
  }
}

export async function pandocDocx(
  md: string,
  source: string,
  opts: { sampleMs?: number } = {},
): Promise<RunResult> {
  const dir = tmp('pandoc');
  try {
    return await runOk(
      'pandoc',
      ['-f', 'markdown', '-t', 'docx', `--resource-path=${source}`, '-o', join(dir, 'x.docx'), md],
      opts,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The peer of a cold full build: pandoc with pdflatex making one (untagged) PDF of the same
 * guide with a contents with page numbers (`--toc`; pandoc runs LaTeX as often as the
 * contents needs). Images pdflatex cannot read (SVG) are left out of its Markdown.
 */
export async function pandocPdf(
  md: string,
  source: string,
  opts: { sampleMs?: number } = {},
): Promise<RunResult> {
  const dir = tmp('pandoc-pdf');
  try {
    return await runOk('pandoc', pandocPdfArgs(md, source, join(dir, 'x.pdf')), opts);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pandocPdfArgs(md: string, source: string, out: string): string[] {
  return [
    '-f',
    'markdown',
    '--pdf-engine=pdflatex',
    '--toc',
    '-V',
    'geometry:a4paper',
    `--resource-path=${source}`,
    '-o',
    out,
    md,
  ];
}

/** The guide's Markdown for pdflatex: `md` without the images it cannot include (SVG, remote). */
export function latexMarkdown(md: string, file: string): void {
  const text = readFileSync(md, 'utf8')
    .replace(/!\[([^\]]*)\]\(([^)\s]+)[^)]*\)/g, (m, alt: string, url: string) =>
      /\.(png|jpe?g|pdf)$/i.test(url) && !/^https?:/.test(url) ? m : alt,
    )
    .replace(/<img\b[^>]*>/g, '');
  writeFileSync(file, text);
}

/** `pdflatex` is on PATH (pandoc's PDF needs it). */
export async function hasPdflatex(): Promise<boolean> {
  try {
    return (await run('pdflatex', ['--version'])).code === 0;
  } catch {
    return false;
  }
}

/**
 * What a CLI call costs before any work, medians of `n`: `node -e 0`, the bin as its shebang
 * runs it (`bin/handbook.js --version`) and through npm (`npx handbook --version`).
 */
export async function cliStartup(n: number): Promise<{ node: number; bin: number; npx: number }> {
  const time = async (cmd: string, args: string[]): Promise<number> => {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) xs.push((await runOk(cmd, args, { cwd: ROOT })).ms);
    return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  };
  return {
    node: await time(process.execPath, ['-e', '0']),
    bin: await time(join(ROOT, 'bin', 'handbook.js'), ['--version']),
    npx: await time('npx', ['--no-install', 'handbook', '--version']),
  };
}

/** Stage timings (ms, items) from the CLI's one-line summary on stderr (`… [load 16 items 30 ms, …]`). */
export function parseStages(stderr: string): Record<string, { ms: number; items: number }> {
  const list = /\[([^\]]*)\]$/.exec(stderr.trim().split('\n').at(-1) ?? '')?.[1] ?? '';
  const out: Record<string, { ms: number; items: number }> = {};
  for (const part of list.split(', ')) {
    const m = /^(.*) (\d+) items? (\d+) ms$/.exec(part.trim());
    if (m) out[m[1]!] = { items: Number(m[2]), ms: (out[m[1]!]?.ms ?? 0) + Number(m[3]) };
  }
  return out;
}

const WATCHED = [
  'puppeteer-core',
  'pdf-lib',
  '@sparticuz/chromium',
  'docx',
  'liquidjs',
  'unified',
  'handlebars',
  'zod',
];

export interface ImportProbe {
  run: string;
  packages: number;
  watched: Record<string, boolean>;
  ms: number;
}

/** Which packages a CLI run loads (ESM loader hook); proves the lazy imports. */
export async function probeImports(
  kind: CliKind,
  source: string,
  chrome: string,
): Promise<ImportProbe> {
  const dir = tmp('probe');
  const file = join(dir, 'loaded.txt');
  try {
    const [script, ...rest] = cliArgs(kind, source, join(dir, 'out'), chrome);
    const r = await run(
      process.execPath,
      ['--import', join(ROOT, 'bench', 'probe', 'register.mjs'), script!, ...rest],
      {
        cwd: ROOT,
        env: { ...process.env, HB_PROBE_FILE: file },
      },
    );
    const urls = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
    const pkgs = new Set(urls.flatMap((u) => packagesIn(u)));
    return {
      run: kind,
      packages: pkgs.size,
      watched: Object.fromEntries(WATCHED.map((w) => [w, pkgs.has(w)])),
      ms: r.ms,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const PACKAGE = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//;
let bundleMeta: { outputs: Record<string, { inputs: Record<string, unknown> }> } | undefined;

/** The packages a loaded URL stands for: its own, or those bundled into a lib/cli/ chunk. */
function packagesIn(url: string): string[] {
  const own = PACKAGE.exec(url)?.[1];
  if (own) return [own];
  const chunk = /\/lib\/cli\/([^/?#]+\.js)/.exec(url)?.[1];
  if (!chunk) return [];
  bundleMeta ??= JSON.parse(
    readFileSync(join(ROOT, 'lib', 'cli', 'meta.json'), 'utf8'),
  ) as NonNullable<typeof bundleMeta>;
  const inputs = Object.keys(bundleMeta.outputs[`lib/cli/${chunk}`]?.inputs ?? {});
  return inputs.map((i) => PACKAGE.exec(i)?.[1]).filter((p): p is string => !!p);
}

/** Cost of importing one package in a fresh Node (median of `n`), to price a non-lazy import. */
export async function importCost(pkg: string, n: number): Promise<number> {
  const code = `const t=performance.now();await import(${JSON.stringify(pkg)});process.stdout.write(String(performance.now()-t))`;
  const xs: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = await runOk(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT });
    xs.push(Number(r.stdout));
  }
  return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

/** Words and chapters of the transformed handbook (the unit of content for the scale test). */
export async function contentSize(source: string): Promise<{ words: number; chapters: number }> {
  const { prepare } = await import('../src/prepare.js');
  const { Timings } = await import('../src/progress.js');
  const { toText } = await import('hast-util-to-text');
  const { handbook } = await prepare({
    source,
    version: 'bench',
    date: DATE,
    timings: new Timings(),
  });
  const all = [...handbook.chapters, ...handbook.appendices];
  const words = all.reduce((n, c) => n + toText(c.body).split(/\s+/).filter(Boolean).length, 0);
  return { words, chapters: all.length };
}
