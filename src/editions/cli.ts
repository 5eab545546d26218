/**
 * `handbook build --edition ID|all`: the CLI face of buildEditions (build-all.ts). Findings are
 * printed once: an edition's own are marked with its id, the main guide's are not repeated.
 */
import { formatFinding, type Finding } from '../diagnostics.js';
import { describeBrowser, EXIT, printFindings } from '../cli/actions.js';
import { cliProgress } from '../cli/progress-display.js';
import type { Invocation } from '../cli/spec.js';
import { buildEditions } from './build-all.js';

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export async function runEditionsBuild({ values, out }: Invocation): Promise<number> {
  const progress = cliProgress(out);
  const started = performance.now();
  try {
    const builds = await buildEditions({
      edition: str(values.edition) ?? 'all',
      source: str(values.source),
      out: str(values.out) ?? 'dist',
      format: str(values.format),
      version: str(values.version),
      date: str(values.date),
      chrome: str(values.chrome),
      cache: !values['no-cache'],
      progress,
    });
    progress.stop();
    const seen = new Set<string>();
    const problems: Finding[] = [];
    for (const { edition, result } of builds) {
      for (const f of result.findings) {
        const key = formatFinding(f);
        if (f.severity === 'note' || seen.has(key)) continue;
        seen.add(key);
        problems.push(edition !== builds[0]?.edition ? mark(f, edition) : f);
      }
    }
    const errors = problems.filter((f) => f.severity === 'error');
    printFindings(out, out.verbosity === 'quiet' ? errors : problems);
    const written = builds.flatMap((b) => b.result.written);
    const browser = builds.find((b) => b.result.browser)?.result.browser;
    progress.done(
      `built ${plural(builds.length, 'edition')} (${plural(written.length, 'file')}) in ${Math.round(performance.now() - started)} ms` +
        ` (${plural(errors.length, 'error')}, ${plural(problems.length - errors.length, 'warning')})` +
        (browser ? `; PDF printed by ${describeBrowser(browser)}` : ''),
    );
    for (const file of written) out.stdout.write(`${file}\n`);
    return EXIT.ok;
  } finally {
    progress.stop();
  }
}

function mark(f: Finding, edition: string): Finding {
  return { ...f, message: `edition ${edition}: ${f.message}` };
}
