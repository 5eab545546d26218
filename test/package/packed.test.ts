/**
 * The package as a user gets it: `npm pack`, installed into a fresh project (from the npm cache,
 * the registry only for what the cache lacks), npm's Windows shims for its bin, `npx handbook
 * build` with no flags, and every library example of the README run as it stands.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../cli/run.js';
import { invocations, makeShims } from '../cli/shims.js';
import { importedNames, libraryExamples } from './readme-examples.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

function run(cmd: string, args: string[], opts: SpawnSyncOptions) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 300_000, ...opts });
  const out = `${String(r.stdout)}\n${String(r.stderr)}`;
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')} failed:\n${out.slice(-4000)}`);
  return String(r.stdout);
}

test('the packed package installs, its shims run node, npx handbook build and the README examples work', async () => {
  const work = mkdtempSync(join(tmpdir(), 'hb-pack-'));
  // lib/ is built by the test script's pretest: pack it as it is.
  const tarball = run(NPM, ['pack', '--ignore-scripts', '--silent', '--pack-destination', work], {
    cwd: ROOT,
  })
    .trim()
    .split('\n')
    .at(-1)!;
  const project = join(work, 'project');
  cpSync(join(ROOT, 'content'), join(project, 'content'), { recursive: true });
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'hb-consumer', private: true, type: 'module' }, null, 2),
  );
  run(
    NPM,
    [
      'install',
      '--prefer-offline',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      join(work, tarball),
    ],
    { cwd: project },
  );
  const pkg = JSON.parse(
    readFileSync(join(project, 'node_modules', 'handbook-press', 'package.json'), 'utf8'),
  ) as { bin: Record<string, string>; version: string };

  // The shims npm makes on Windows, made from the installed package by npm's own generator.
  const shimDir = join(work, 'win');
  cpSync(
    join(project, 'node_modules', 'handbook-press'),
    join(shimDir, 'node_modules', 'handbook-press'),
    {
      recursive: true,
      dereference: true,
    },
  );
  for (const [name, bin] of Object.entries(pkg.bin)) {
    const shims = invocations(await makeShims(shimDir, 'handbook-press', name, bin));
    assert.equal(shims.cmd?.[0], 'node');
    assert.equal(shims.cmd?.[1], `"%dp0%\\..\\handbook-press\\${bin.replaceAll('/', '\\')}"`);
    assert.equal(shims.ps1?.[0], 'node');
    assert.equal(shims.sh?.[0], 'node');
  }

  // `npx handbook` in the project: no flags, so ./content is the source and ./dist the output.
  assert.equal(
    run(NPX, ['--offline', 'handbook', '--version'], { cwd: project }).trim(),
    pkg.version,
  );
  const built = run(NPX, ['--offline', 'handbook', 'build'], { cwd: project });
  assert.deepEqual(readdirSync(join(project, 'dist')).sort(), [
    'handbook.docx',
    'handbook.epub',
    'handbook.html',
    'handbook.pdf',
  ]);
  assert.match(built, /dist[/\\]handbook\.pdf/);

  // Every library example of the README, as a module of its own, in order.
  const examples = libraryExamples(ROOT);
  assert.ok(
    examples.length >= 5,
    'build, build + writeBuild, check, release/verify, a shared browser',
  );
  const api = (await import(
    join(project, 'node_modules', 'handbook-press', 'lib', 'index.js')
  )) as Record<string, unknown>;
  const types = readFileSync(
    join(project, 'node_modules', 'handbook-press', 'lib', 'index.d.ts'),
    'utf8',
  );
  examples.forEach((code, i) => {
    for (const name of importedNames(code)) {
      assert.ok(name in api, `README example ${i + 1}: ${name} is exported`);
      assert.match(
        types,
        new RegExp(`\\b${name}\\b`),
        `README example ${i + 1}: ${name} has types`,
      );
    }
    const file = join(project, `example-${i + 1}.mjs`);
    writeFileSync(file, code);
    run(process.execPath, [file], { cwd: project });
  });
  assert.ok(existsSync(join(project, 'preview', 'handbook.html')));
  assert.ok(existsSync(join(project, 'dist', 'releases', '1.0.0', 'manifest.json')));
  assert.ok(existsSync(join(project, 'dist', '1.1', 'handbook.pdf')));
});
