/**
 * What the CLI shows while it works: a redrawn status line on a terminal, plain lines
 * elsewhere, colour only on a terminal without NO_COLOR, and the source it stands in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli.js';
import type { Output } from '../../src/cli/output.js';
import { BIN, fixture } from './run.js';

class Capture extends Writable {
  text = '';
  constructor(readonly isTTY: boolean) {
    super();
  }
  override _write(chunk: Buffer, _enc: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function run(args: string[], tty: boolean, env: NodeJS.ProcessEnv = {}) {
  const stdout = new Capture(tty);
  const stderr = new Capture(tty);
  const out: Output = { stdout, stderr, env, verbosity: 'normal' };
  const code = await main(args, out);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

const OTHER = fixture('guides/other-guide');
const ESC = '\u001b';

test('on a terminal: a status line redrawn in place, each stage listed with items and time', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hb-tty-'));
  const r = await run(
    ['build', '--format', 'html', '--no-cache', '--source', OTHER, '--out', dir],
    true,
  );
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stderr.includes(`\r${ESC}[2K`), 'the status line is redrawn in place');
  assert.match(r.stderr, /(load|markdown)… /, 'the running stage is named');
  assert.match(r.stderr, /\d+ stages? done · \d+\.\d s/, 'stages done and elapsed time');
  assert.match(r.stderr, /✓\S* load \d+ items? \d+ ms\n/);
  assert.match(r.stderr, new RegExp(`${ESC}\\[32m`), 'coloured on a terminal');
  assert.match(r.stderr, /built 1 file in \d+ ms/);
});

test('NO_COLOR: no colour on a terminal; not a terminal: no control characters at all', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hb-tty-'));
  const args = ['build', '--format', 'html', '--no-cache', '--source', OTHER, '--out', dir];
  const plain = await run(args, true, { NO_COLOR: '1' });
  assert.equal(plain.code, 0, plain.stderr);
  assert.doesNotMatch(plain.stderr, new RegExp(`${ESC}\\[\\d+m`));
  const piped = await run(args, false);
  assert.doesNotMatch(piped.stderr, new RegExp(`${ESC}|\\r`));
  const verbose = await run([...args, '--verbose'], false);
  for (const stage of ['load', 'markdown', 'html'])
    assert.match(verbose.stderr, new RegExp(`^ {2}${stage} \\d+ items? \\d+ ms$`, 'm'));
  const quiet = await run([...args, '--quiet'], false);
  assert.equal(
    quiet.stderr.replace(/^.*warning:.*\n/gm, ''),
    '',
    '--quiet: no progress, no summary',
  );
  assert.doesNotMatch(quiet.stderr, /warning:/, '--quiet: errors only');
  assert.match(quiet.stdout, /handbook\.html/, 'the data still goes to stdout');
});

test('a build colours the severity of findings only where colour is allowed', async () => {
  const tty = await run(['check', '--source', OTHER], true);
  assert.match(tty.stdout, new RegExp(`: ${ESC}\\[33mwarning${ESC}\\[0m:`));
  const noColour = await run(['check', '--source', OTHER], true, { NO_COLOR: '1' });
  assert.match(noColour.stdout, /^_data\/guide_nav\.yml:10: warning: /m);
});

function inDir(cwd: string, args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
}

test('works where it stands: a Jekyll site in the working directory is the source', () => {
  const site = mkdtempSync(join(tmpdir(), 'hb-site-'));
  cpSync(OTHER, site, { recursive: true });
  const r = inDir(site, ['build', '--format', 'html', '--no-cache']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout.trim(), join(site, 'dist', 'handbook.html'));
  assert.match(inDir(site, ['check']).stdout, /guide_nav\.yml:10: warning/);
});

test('elsewhere ./content is the source, and a folder without either is named in the error', () => {
  const project = mkdtempSync(join(tmpdir(), 'hb-proj-'));
  cpSync(OTHER, join(project, 'content'), { recursive: true });
  const r = inDir(project, ['build', '--format', 'html', '--no-cache']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(readdirSync(join(project, 'dist')), ['handbook.html']);
  const empty = mkdtempSync(join(tmpdir(), 'hb-empty-'));
  const missing = inDir(empty, ['build', '--format', 'html']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /content/);
  assert.match(missing.stderr, /hint:.*_config\.yml/);
  assert.ok(!existsSync(join(empty, 'dist')));
});
