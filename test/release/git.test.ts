import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sourceState } from '../../src/release/git.js';
import { tempDir } from './tree.js';

const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
    cwd,
    encoding: 'utf8',
  });

test('the source commit, and whether the source directory has uncommitted changes', async (t) => {
  const repo = await tempDir(t, 'hb-git-');
  assert.deepEqual(await sourceState(repo), { commit: null, dirty: null }, 'not a checkout');
  git(repo, 'init', '-q');
  const content = join(repo, 'content');
  await mkdir(content);
  await writeFile(join(content, 'page.md'), 'one\n');
  await writeFile(join(repo, 'README'), 'x\n');
  assert.deepEqual(await sourceState(content), { commit: null, dirty: null }, 'no commit yet');
  git(repo, 'add', '.');
  git(repo, 'commit', '-q', '-m', 'first');
  const head = git(repo, 'rev-parse', 'HEAD').trim();
  assert.deepEqual(await sourceState(content), { commit: head, dirty: false });

  await writeFile(join(repo, 'README'), 'changed outside the source directory\n');
  assert.deepEqual(await sourceState(content), { commit: head, dirty: false });
  await writeFile(join(content, 'new.md'), 'untracked\n');
  assert.deepEqual(await sourceState(content), { commit: head, dirty: true });
});
