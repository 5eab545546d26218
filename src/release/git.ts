/**
 * Which sources a release was built from: the commit checked out in the source directory and
 * whether anything under it differs from that commit. Null when it is not a git checkout (or
 * git is not installed): the manifest then says so instead of guessing.
 */
import { execFile } from 'node:child_process';

function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: 15_000, maxBuffer: 16 * 1024 * 1024 }, (err, stdout) =>
      resolve(err ? undefined : stdout),
    );
  });
}

export interface SourceState {
  commit: string | null;
  dirty: boolean | null;
}

export async function sourceState(dir: string): Promise<SourceState> {
  const head = (await git(dir, ['rev-parse', '--verify', '-q', 'HEAD']))?.trim();
  if (!head || !/^[0-9a-f]{40,64}$/.test(head)) return { commit: null, dirty: null };
  // `-- .` limits the question to the source directory, not the whole repository.
  const status = await git(dir, ['status', '--porcelain', '--untracked-files=normal', '--', '.']);
  return { commit: head, dirty: status === undefined ? null : status.trim().length > 0 };
}
