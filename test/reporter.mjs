/**
 * The test command's reporter: a line per test file (tests, failures, seconds), then each
 * failure in full, then node's own closing lines (`ℹ tests N`, `ℹ pass N`, `ℹ fail N`, …) that
 * CI reads. The full spec output goes to test-results.log beside it (see package.json).
 * Works with node 20's and 22+'s event shapes (files as tests of their own or not).
 */
import { relative } from 'node:path';
import process from 'node:process';

const cwd = process.cwd();
const shown = (file) => (file ? relative(cwd, file) : '(no file)');
const isFileEvent = (d) =>
  d.nesting === 0 && d.file !== undefined && (d.name === d.file || d.name === shown(d.file));

function errorText(error) {
  const cause = error?.cause ?? error;
  const message = String(cause?.message ?? cause ?? 'failed').trim();
  const stack = String(cause?.stack ?? '')
    .split('\n')
    .filter((l) => /^\s+at /.test(l) && !l.includes('(node:') && !l.includes(' node:'))
    .slice(0, 3)
    .join('\n');
  return stack ? `${message}\n${stack}` : message;
}

export default async function* reporter(source) {
  const files = new Map();
  const failures = [];
  const closing = [];
  const stats = (file) => {
    let s = files.get(file);
    if (!s) files.set(file, (s = { tests: 0, failed: 0 }));
    return s;
  };
  for await (const { type, data } of source) {
    if (type === 'test:diagnostic' && data.nesting === 0 && data.file === undefined) {
      closing.push(data.message);
    } else if ((type === 'test:pass' || type === 'test:fail') && !isFileEvent(data)) {
      if (data.details?.type === 'suite') continue;
      const s = stats(data.file);
      s.tests++;
      if (type === 'test:fail') {
        const error = data.details?.error;
        if (error?.failureType === 'subtestsFailed') continue;
        s.failed++;
        failures.push({ file: data.file, name: data.name, text: errorText(error) });
      }
    } else if (type === 'test:fail' && isFileEvent(data)) {
      // The file itself failed (it crashed, or failed outside any test).
      const s = stats(data.file);
      if (s.failed === 0) {
        s.failed++;
        failures.push({
          file: data.file,
          name: '(the file)',
          text: errorText(data.details?.error),
        });
      }
    } else if (type === 'test:complete' && isFileEvent(data)) {
      const s = stats(data.file);
      const secs = ((data.details?.duration_ms ?? 0) / 1000).toFixed(1);
      const mark = s.failed ? '✖' : '✔';
      const fails = s.failed ? `, ${s.failed} failed` : '';
      yield `${mark} ${shown(data.file)}: ${s.tests} test${s.tests === 1 ? '' : 's'}${fails} (${secs} s)\n`;
    }
  }
  if (failures.length) {
    yield `\n${failures.length} failure${failures.length === 1 ? '' : 's'}:\n`;
    for (const f of failures) {
      yield `\n✖ ${f.name} (${shown(f.file)})\n${f.text.replace(/^/gm, '    ')}\n`;
    }
    yield '\n(full output: test-results.log)\n';
  }
  for (const line of closing) yield `ℹ ${line}\n`;
}
