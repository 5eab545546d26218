/**
 * Which sources a release was built from: the commit checked out in the source directory and
 * whether anything under it differs from that commit. Null when it is not a git checkout (or
 * git is not installed): the manifest then says so instead of guessing.
 *
 * The source's repository is data, never code: its `.git/config` can name commands git would
 * run (core.fsmonitor, hooks such as post-index-change, filter drivers, a pager), so git runs
 * with every one of them switched off: no system config, an empty hooks folder of our own, no
 * fsmonitor, each configured filter driver emptied, no pager, no optional index writes, no
 * submodules, and none of the caller's GIT_* variables (GIT_DIR, GIT_EXTERNAL_DIFF …).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Git = (args: string[]) => Promise<string | undefined>;

function safeEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^GIT_/i.test(k)) env[k] = v;
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: '',
    PAGER: '',
  };
}

function runner(cwd: string, overrides: string[]): Git {
  const env = safeEnv();
  return (args) =>
    new Promise((resolve) => {
      execFile(
        'git',
        ['--no-pager', ...overrides, ...args],
        { cwd, env, timeout: 15_000, maxBuffer: 16 * 1024 * 1024, windowsHide: true },
        (err, stdout) => resolve(err ? undefined : stdout),
      );
    });
}

/** `-c` options that switch off every command the repository's config could make git run. */
function baseOverrides(hooks: string): string[] {
  return [
    ['core.fsmonitor', 'false'],
    ['core.hooksPath', hooks],
    ['core.untrackedCache', 'false'],
    ['core.pager', ''],
    ['diff.external', ''],
    ['status.submoduleSummary', 'false'],
  ].flatMap(([k, v]) => ['-c', `${k}=${v}`]);
}

/** Every configured filter driver (`filter.<name>.clean` …), emptied and optional: git runs none. */
async function filterOverrides(git: Git): Promise<string[]> {
  const listed = (await git(['config', '--null', '--get-regexp', '^filter\\.'])) ?? '';
  const names = new Set<string>();
  for (const entry of listed.split('\0')) {
    const key = entry.split('\n', 1)[0] ?? '';
    const m = /^filter\.(.+)\.[^.]+$/i.exec(key);
    if (m) names.add(m[1]!);
  }
  return [...names].flatMap((n) => [
    ...['clean', 'smudge', 'process'].flatMap((k) => ['-c', `filter.${n}.${k}=`]),
    ...['-c', `filter.${n}.required=false`],
  ]);
}

export interface SourceState {
  commit: string | null;
  dirty: boolean | null;
}

export async function sourceState(dir: string): Promise<SourceState> {
  // A hooks folder of our own, empty: nothing the source put anywhere can be a hook.
  const hooks = await mkdtemp(join(tmpdir(), 'handbook-no-hooks-'));
  try {
    const base = baseOverrides(hooks);
    const git = runner(dir, base);
    const head = (await git(['rev-parse', '--verify', '-q', 'HEAD']))?.trim();
    if (!head || !/^[0-9a-f]{40,64}$/.test(head)) return { commit: null, dirty: null };
    const safe = runner(dir, [...base, ...(await filterOverrides(git))]);
    // `-- .` limits the question to the source directory, not the whole repository.
    const status = await safe([
      '--no-optional-locks',
      'status',
      '--porcelain',
      '--untracked-files=normal',
      '--ignore-submodules=all',
      '--',
      '.',
    ]);
    return { commit: head, dirty: status === undefined ? null : status.trim().length > 0 };
  } finally {
    await rm(hooks, { recursive: true, force: true });
  }
}
