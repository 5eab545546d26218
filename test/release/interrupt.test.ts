/**
 * An interrupted release leaves nothing: a signal during staging removes the staging
 * directory; a run killed during the PDF print leaves no release (and, after SIGTERM, no
 * staging directory either).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { once } from 'node:events';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { alive, copyContent, descendants, spawnHandbook, tempDir } from './tree.js';

const CHILD = fileURLToPath(new URL('./stage-child.ts', import.meta.url));

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal} while staging removes the staging directory and still ends the process`, async (t) => {
    const dir = join(await tempDir(t), 'releases');
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8');
    while (!out.includes('\n')) out += String((await once(child.stdout, 'data'))[0]);
    const staged = out.trim();
    assert.ok(existsSync(join(staged, 'handbook.html')), 'staged file written');
    child.kill(signal);
    const [code, sig] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    assert.equal(sig, signal, `ended by the signal (code ${code})`);
    assert.deepEqual(await readdir(dir), []);
  });
}

async function waitForBrowser(pid: number, timeoutMs = 120_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!alive(pid)) return false;
    if (descendants(pid).some((d) => /chrom/i.test(d.cmd))) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
  test(`a release ${signal === 'SIGKILL' ? 'killed (-9)' : 'terminated'} during the PDF print leaves nothing`, async (t) => {
    const tmp = await tempDir(t);
    const source = await copyContent(tmp);
    const out = join(tmp, 'out');
    const child = spawnHandbook([
      'release',
      '1.0',
      '--date',
      '2026-01-01',
      '--source',
      source,
      '--out',
      out,
    ]);
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    assert.ok(await waitForBrowser(child.pid!), `the browser started (stderr: ${stderr})`);
    await new Promise((r) => setTimeout(r, 700)); // into the print
    const browser = descendants(child.pid!);
    child.kill(signal);
    const [code, sig] = await exited;
    if (signal === 'SIGKILL') {
      // Nobody is left to close the browser: end what this run started, by pid.
      for (const d of browser) if (alive(d.pid)) process.kill(d.pid, 'SIGKILL');
    }
    assert.ok(
      sig === signal || (code !== null && code !== 0),
      `ended by ${signal} (code ${code}, signal ${sig})`,
    );
    const releases = join(out, 'releases');
    const left = existsSync(releases) ? await readdir(releases) : [];
    assert.ok(!left.includes('1.0'), 'no release directory');
    assert.deepEqual(
      left.filter((n) => n.startsWith('.tmp-')),
      [],
      'no staging directory',
    );
    if (signal === 'SIGTERM') {
      await new Promise((r) => setTimeout(r, 500));
      assert.deepEqual(
        browser.filter((d) => alive(d.pid)).map((d) => d.cmd.slice(0, 80)),
        [],
        'the browser was closed',
      );
    }
  });
}
