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
    assert.equal(existsSync(dir), false, 'no staging directory, and no empty releases/ it made');
  });
}

/**
 * Waits until the run is printing: a renderer for a page of our own (not Chromium's internal
 * UI), which only exists once the browser session is up and has opened a page.
 */
async function waitForPrint(pid: number, timeoutMs = 180_000): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (!alive(pid)) return false;
    const renderers = descendants(pid).filter(
      (d) => /--type=renderer/.test(d.cmd) && !/top-chrome-webui/.test(d.cmd),
    );
    if (renderers.length > 0) return true;
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
      '1.0.0',
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
    assert.ok(await waitForPrint(child.pid!), `the print started (stderr: ${stderr})`);
    await new Promise((r) => setTimeout(r, 500));
    const browser = descendants(child.pid!);
    // Whatever happens below, end what this run started (by pid): after -9 nobody else will.
    t.after(() => {
      for (const d of browser) if (alive(d.pid)) process.kill(d.pid, 'SIGKILL');
    });
    child.kill(signal);
    const [code, sig] = await exited;
    assert.ok(
      sig === signal || (code !== null && code !== 0),
      `ended by ${signal} (code ${code}, signal ${sig})`,
    );
    const releases = join(out, 'releases');
    const left = existsSync(releases) ? await readdir(releases) : [];
    assert.ok(!left.includes('1.0.0'), 'no release directory');
    assert.deepEqual(
      left.filter((n) => n.startsWith('.tmp-')),
      [],
      'no staging directory',
    );
    if (signal === 'SIGTERM') {
      // Chromium's helper processes end a moment after the browser closes.
      for (let i = 0; i < 50 && browser.some((d) => alive(d.pid)); i++)
        await new Promise((r) => setTimeout(r, 100));
      assert.deepEqual(
        browser.filter((d) => alive(d.pid)).map((d) => d.cmd.slice(0, 80)),
        [],
        'the browser was closed',
      );
    }
  });
}
