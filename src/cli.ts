/**
 * The `handbook` command: parses flags, calls the library, maps errors to exit codes.
 * Human output goes to stderr; stdout is kept for data (`check --json`, file lists).
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { formatFinding, type Finding } from './diagnostics.js';
import { HandbookError, isHandbookError } from './errors.js';
import { stderrProgress } from './progress.js';
import { TOOL_VERSION } from './version.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, bug: 70 } as const;

const USAGE = `handbook ${TOOL_VERSION}: Jekyll guide sources → accessible HTML, PDF and Word handbooks

Usage:
  handbook build   [--source DIR] [--out DIR] [--format html,pdf,docx] [--version V] [--date YYYY-MM-DD] [--chrome PATH] [--no-cache]
  handbook check   [--source DIR] [--strict] [--json] [--no-cache]
  handbook release <version> [--date YYYY-MM-DD] [--notes FILE] [--source DIR] [--out DIR] [--strict] [--chrome PATH]
  handbook verify  <release-dir>
  handbook serve   [--source DIR] [--port N] [--host 127.0.0.1] [--open] [--no-print] [--chrome PATH]

Defaults: --source content, --out dist, every format. --no-cache rebuilds the tree from the
sources without the build cache (node_modules/.cache/handbook-press; HANDBOOK_CACHE=0 turns it off). Dates default to SOURCE_DATE_EPOCH, else today.
The PDF needs a Chromium: --chrome, CHROME_PATH, a system Chrome/Chromium/Edge, or the embedded one.`;

const OPTIONS = {
  source: { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  version: { type: 'string' },
  date: { type: 'string' },
  chrome: { type: 'string' },
  notes: { type: 'string' },
  strict: { type: 'boolean' },
  'no-cache': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

type Flags = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

function parse(argv: string[]): {
  command: string | undefined;
  positionals: string[];
  flags: Flags;
} {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    const [command, ...rest] = positionals;
    return { command, positionals: rest, flags: values as Flags };
  } catch (e) {
    throw new HandbookError('USAGE', (e as Error).message, { hint: 'run `handbook --help`' });
  }
}

export async function main(argv: string[]): Promise<number> {
  try {
    if (argv[0] === '--version' || argv[0] === '-v') {
      process.stdout.write(`${TOOL_VERSION}\n`);
      return EXIT.ok;
    }
    // `serve` parses its own flags (src/serve/command.ts).
    if (argv[0] === 'serve')
      return await (await import('./serve/index.js')).runServeCommand(argv.slice(1));
    const { command, positionals, flags } = parse(argv);
    if (flags.help || command === undefined || command === 'help') {
      process.stderr.write(`${USAGE}\n`);
      return command === undefined && !flags.help ? EXIT.usage : EXIT.ok;
    }
    switch (command) {
      case 'build':
        return await runBuild(flags);
      case 'check':
        return await runCheck(flags);
      case 'release':
        return await runRelease(positionals, flags);
      case 'verify':
        return await runVerify(positionals);
      default:
        throw new HandbookError('USAGE', `unknown command "${command}"`, {
          hint: 'run `handbook --help`',
        });
    }
  } catch (e) {
    if (isHandbookError(e)) {
      process.stderr.write(`handbook: ${e.format()}\n`);
      return e.code === 'USAGE' ? EXIT.usage : EXIT.failed;
    }
    process.stderr.write(
      `handbook: internal error (please report it):\n${(e as Error)?.stack ?? String(e)}\n`,
    );
    return EXIT.bug;
  }
}

function printFindings(findings: Finding[]): void {
  for (const f of findings) process.stderr.write(`${formatFinding(f)}\n`);
}

async function runBuild(flags: Flags): Promise<number> {
  const { build, writeBuild } = await import('./build.js');
  const progress = stderrProgress();
  const started = performance.now();
  const result = await build({
    source: flags.source,
    out: flags.out,
    format: flags.format,
    version: flags.version,
    date: flags.date,
    chrome: flags.chrome,
    cache: !flags['no-cache'],
    progress,
  });
  const written = await writeBuild(result);
  const problems = result.findings.filter((f) => f.severity !== 'note');
  printFindings(problems);
  const errors = problems.filter((f) => f.severity === 'error').length;
  progress.done(
    `built ${written.length} file${written.length === 1 ? '' : 's'} in ${Math.round(performance.now() - started)} ms` +
      ` (${errors} error${errors === 1 ? '' : 's'}, ${problems.length - errors} warning${problems.length - errors === 1 ? '' : 's'}; run \`handbook check\` for every note)`,
  );
  for (const file of written) process.stdout.write(`${file}\n`);
  return EXIT.ok;
}

async function runCheck(flags: Flags): Promise<number> {
  const { check } = await import('./check.js');
  const progress = stderrProgress();
  const result = await check({
    source: flags.source,
    strict: flags.strict,
    cache: !flags['no-cache'],
    progress,
  });
  if (flags.json) {
    process.stdout.write(
      `${JSON.stringify({ ok: result.ok, findings: result.findings }, null, 2)}\n`,
    );
  } else {
    for (const f of result.findings) process.stdout.write(`${formatFinding(f)}\n`);
  }
  progress.done(
    `check: ${result.errors} error(s), ${result.warnings} warning(s), ${result.notes} note(s), ${result.gaps} GAP note(s)` +
      (result.ok ? '' : flags.strict ? ' — failed (--strict)' : ' — failed'),
  );
  return result.ok ? EXIT.ok : EXIT.failed;
}

async function runRelease(positionals: string[], flags: Flags): Promise<number> {
  const version = positionals[0];
  if (!version)
    throw new HandbookError('USAGE', 'release needs a version', { hint: 'handbook release 1.2.0' });
  const { release } = await import('./release/index.js');
  const progress = stderrProgress();
  const result = await release({
    version,
    date: flags.date,
    notes: flags.notes,
    source: flags.source,
    out: flags.out,
    strict: flags.strict,
    chrome: flags.chrome,
    progress,
  });
  progress.done(`released ${version} into ${result.dir}`);
  process.stdout.write(`${result.dir}\n`);
  return EXIT.ok;
}

async function runVerify(positionals: string[]): Promise<number> {
  const dir = positionals[0];
  if (!dir)
    throw new HandbookError('USAGE', 'verify needs a release directory', {
      hint: 'handbook verify dist/releases/1.0.0',
    });
  const { verify } = await import('./release/index.js');
  const result = await verify(dir);
  for (const line of result.problems) process.stderr.write(`${line}\n`);
  process.stderr.write(
    result.ok
      ? `verified ${result.checked} file(s) in ${dir}: all match the manifest\n`
      : `verify: ${result.problems.length} problem(s)\n`,
  );
  return result.ok ? EXIT.ok : EXIT.failed;
}
