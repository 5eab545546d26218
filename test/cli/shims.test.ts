/**
 * The bin through npm's shims: the generated Windows `.cmd` and `.ps1` and the sh shim run
 * `node` on bin/handbook.js and nothing else, and the sh shim really starts the CLI.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { ROOT } from './run.js';
import { invocations, makeShims } from './shims.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  name: string;
  bin: Record<string, string>;
  version: string;
};

test('the bin starts with exactly `#!/usr/bin/env node`', () => {
  for (const bin of Object.values(pkg.bin)) {
    const first = readFileSync(join(ROOT, bin), 'utf8').split(/\r?\n/, 1)[0];
    assert.equal(first, '#!/usr/bin/env node', bin);
  }
});

test("npm's cmd-shim makes .cmd, .ps1 and sh shims that run node on the launcher", async () => {
  const project = mkdtempSync(join(tmpdir(), 'hb-shim-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(ROOT, join(project, 'node_modules', pkg.name), 'dir');
  for (const [name, bin] of Object.entries(pkg.bin)) {
    const shims = await makeShims(project, pkg.name, name, bin);
    const run = invocations(shims);
    const win = `"%dp0%\\..\\${pkg.name}\\${bin.replaceAll('/', '\\')}"`;
    assert.deepEqual(run.cmd, ['node', win], shims.cmd);
    assert.deepEqual(run.ps1, ['node', `"$basedir/../${pkg.name}/${bin}"`], shims.ps1);
    // cmd-shim 9 names the folder $basedir_win (converted for MSYS); npm 11's own 8 $basedir.
    assert.equal(run.sh?.[0], 'node', shims.sh);
    assert.match(run.sh?.[1] ?? '', new RegExp(`^"\\$basedir(_win)?/\\.\\./${pkg.name}/${bin}"$`));
    // The sh shim (for Git Bash/MSYS on Windows) is the one this machine can run. Its last
    // fallback is `node.exe` from PATH, as on Windows: give it one, and it starts the real CLI.
    const path = join(project, 'win-path');
    mkdirSync(path);
    symlinkSync(process.execPath, join(path, 'node.exe'));
    const r = spawnSync('sh', [shims.shPath, '--version'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${path}${delimiter}${process.env.PATH ?? ''}` },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout.trim(), pkg.version);
  }
});

test('the check notices a launcher the Windows shims cannot start (an `env -S` line)', async () => {
  const project = mkdtempSync(join(tmpdir(), 'hb-shim-'));
  const dir = join(project, 'node_modules', 'old', 'bin');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'x.js'), '#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node --expose-gc\n');
  const run = invocations(await makeShims(project, 'old', 'x', 'bin/x.js'));
  assert.equal(run.cmd?.[0], '-u');
  assert.notEqual(run.ps1?.[0], 'node');
});
