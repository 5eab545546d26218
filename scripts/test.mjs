// `npm test`: every test/**/*.test.ts in name order, one file at a time, on any platform (no
// shell globbing: Windows' cmd has none). Arguments narrow the run to files whose path
// contains one of them (`npm test -- trust pdf/print`).
//
// Each file runs under FILE_TIMEOUT_MS: a test that hangs (a browser that never answers) fails
// with its name instead of holding the whole run until CI's own limit.
import process from 'node:process';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Longest one test file may take: the slowest (test/pdf/browser.test.ts) takes about 3 min. */
const FILE_TIMEOUT_MS = 8 * 60_000;

const root = fileURLToPath(new URL('..', import.meta.url));

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const filters = process.argv.slice(2);
const files = testFiles(join(root, 'test'))
  .map((path) => relative(root, path).split(sep).join('/'))
  .filter((path) => filters.length === 0 || filters.some((f) => path.includes(f)))
  .sort();
if (files.length === 0) {
  process.stderr.write(`no test file matches ${filters.join(', ')}\n`);
  process.exit(2);
}

const result = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-concurrency=1',
    `--test-timeout=${FILE_TIMEOUT_MS}`,
    '--test-reporter=./test/reporter.mjs',
    '--test-reporter-destination=stdout',
    '--test-reporter=spec',
    '--test-reporter-destination=test-results.log',
    ...files,
  ],
  { cwd: root, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
