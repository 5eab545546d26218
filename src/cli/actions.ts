/**
 * What each command does: calls the library (imported lazily, so `check` never loads the PDF
 * stack), prints findings, a summary on stderr and the data on stdout.
 */
import { formatFinding, type Finding } from '../diagnostics.js';
import type { BuildBrowser } from '../build.js';
import { paintFinding, painter, type Output } from './output.js';
import { cliProgress } from './progress-display.js';
import type { Invocation } from './spec.js';
import { largePrintFlags } from './large-print.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, bug: 70 } as const;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function printFindings(out: Output, findings: Finding[], stream = out.stderr): void {
  const paint = painter(stream, out.env);
  for (const f of findings) stream.write(`${paintFinding(formatFinding(f), paint)}\n`);
}

const BROWSER_FROM: Record<BuildBrowser['source'], string> = {
  flag: 'from --chrome',
  CHROME_PATH: 'from CHROME_PATH',
  system: 'found on this system',
  embedded: 'the embedded @sparticuz/chromium',
};

/** `Chrome/156.0.7103.92 (/usr/bin/chromium, from CHROME_PATH)`. */
export function describeBrowser(b: BuildBrowser): string {
  return `${b.version} (${b.path}, ${BROWSER_FROM[b.source]})`;
}

export async function runBuild(inv: Invocation): Promise<number> {
  // `--edition ID|all`: src/editions/cli.ts (one process, one browser, dist/<edition>/).
  if (typeof inv.values.edition === 'string')
    return (await import('../editions/cli.js')).runEditionsBuild(inv);
  const { values, out } = inv;
  const { build } = await import('../build.js');
  const largePrint = largePrintFlags(values);
  const progress = cliProgress(out);
  const started = performance.now();
  try {
    const result = await build({
      ...(largePrint ? { largePrint } : {}),
      source: str(values.source),
      out: str(values.out) ?? 'dist',
      format: str(values.format),
      version: str(values.version),
      date: str(values.date),
      chrome: str(values.chrome),
      cache: !values['no-cache'],
      progress,
    });
    const written = result.written;
    // Files left out of the handbook are said by `build` too, as `check` says them.
    const left = result.findings.filter((f) => f.code === 'not-a-page');
    const problems = result.findings.filter((f) => f.severity !== 'note');
    const errors = problems.filter((f) => f.severity === 'error').length;
    progress.stop();
    printFindings(
      out,
      out.verbosity === 'quiet'
        ? problems.filter((f) => f.severity === 'error')
        : [...left, ...problems],
    );
    if (out.verbosity === 'verbose')
      out.stderr.write(
        `source ${result.settings.source}${result.cached ? ' (tree from the build cache)' : ''}\n`,
      );
    progress.done(
      `built ${plural(written.length, 'file')} in ${Math.round(performance.now() - started)} ms` +
        ` (${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')}; run \`handbook check\` for every note)` +
        (result.browser ? `; PDF printed by ${describeBrowser(result.browser)}` : ''),
    );
    for (const file of written) out.stdout.write(`${file}\n`);
    return EXIT.ok;
  } finally {
    progress.stop();
  }
}

export async function runCheck({ values, out }: Invocation): Promise<number> {
  const { check } = await import('../check.js');
  const progress = cliProgress(out);
  try {
    const result = await check({
      source: str(values.source),
      strict: values.strict === true,
      cache: !values['no-cache'],
      edition: str(values.edition),
      progress,
    });
    progress.stop();
    if (values.json) {
      out.stdout.write(
        `${JSON.stringify({ ok: result.ok, findings: result.findings }, null, 2)}\n`,
      );
    } else {
      const shown =
        out.verbosity === 'quiet'
          ? result.findings.filter((f) => f.severity === 'error')
          : result.findings;
      printFindings(out, shown, out.stdout);
    }
    progress.done(
      `check: ${plural(result.errors, 'error')}, ${plural(result.warnings, 'warning')}, ${plural(result.notes, 'note')}, ${plural(result.gaps, 'GAP note')}` +
        (result.ok ? '' : values.strict ? ' — failed (--strict)' : ' — failed'),
    );
    return result.ok ? EXIT.ok : EXIT.failed;
  } finally {
    progress.stop();
  }
}

export async function runRelease({ positionals, values, out }: Invocation): Promise<number> {
  const version = positionals[0]!;
  const { release } = await import('../release/index.js');
  const progress = cliProgress(out);
  try {
    const result = await release({
      version,
      date: str(values.date),
      notes: str(values.notes),
      source: str(values.source),
      out: str(values.out),
      strict: values.strict === true,
      allowSourceErrors: values['allow-source-errors'] === true,
      chrome: str(values.chrome),
      edition: str(values.edition),
      progress,
    });
    const browser = result.manifest.browser;
    progress.done(
      `released ${version} into ${result.dir}` +
        (browser ? `; PDF printed by ${browser.version} (${browser.executable})` : ''),
    );
    out.stdout.write(`${result.dir}\n`);
    return EXIT.ok;
  } finally {
    progress.stop();
  }
}

export async function runVerify({ positionals, out }: Invocation): Promise<number> {
  const dir = positionals[0]!;
  const { verify } = await import('../release/index.js');
  const result = await verify(dir);
  for (const line of result.problems) out.stderr.write(`${line}\n`);
  if (out.verbosity !== 'quiet' || !result.ok)
    out.stderr.write(
      result.ok
        ? `verified ${plural(result.checked, 'file')} in ${dir}: all match the manifest\n`
        : `verify: ${plural(result.problems.length, 'problem')}\n`,
    );
  return result.ok ? EXIT.ok : EXIT.failed;
}
