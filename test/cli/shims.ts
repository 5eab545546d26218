/**
 * npm's own shim generator (`cmd-shim`, what `npm install` and `npx` use on Windows) applied
 * to a package's bins, and what each generated shim runs. Shared by the shim test and the
 * packed-package test.
 */
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const cmdShim = require('cmd-shim') as (from: string, to: string) => Promise<void>;

export interface Shims {
  cmd: string;
  ps1: string;
  sh: string;
  /** The `.bin/<name>` path of the sh shim. */
  shPath: string;
}

/** Writes `<project>/node_modules/.bin/<name>{,.cmd,.ps1}` for `<pkgDir>/<binPath>`, as npm does. */
export async function makeShims(
  project: string,
  pkgName: string,
  name: string,
  binPath: string,
): Promise<Shims> {
  const binDir = join(project, 'node_modules', '.bin');
  mkdirSync(binDir, { recursive: true });
  const to = join(binDir, name);
  await cmdShim(join(project, 'node_modules', pkgName, binPath), to);
  return {
    cmd: readFileSync(`${to}.cmd`, 'utf8'),
    ps1: readFileSync(`${to}.ps1`, 'utf8'),
    sh: readFileSync(to, 'utf8'),
    shPath: to,
  };
}

/** The program and script each shim ends up running (the last command line of each). */
export function invocations(shims: Shims): {
  cmd: string[] | undefined;
  ps1: string[] | undefined;
  sh: string[] | undefined;
} {
  // .cmd: `SET "_prog=node"` as the fallback program, then `"%_prog%" <args> "%dp0%\…" %*`.
  const cmdProg = /\) ELSE \(\r\n {2}SET "_prog=([^"]+)"/.exec(shims.cmd)?.[1];
  const cmdRun = /"%_prog%"\s+(.*?)\s*%\*\r?\n?$/m.exec(shims.cmd)?.[1];
  // .ps1: the last `& "node$exe"  "$basedir/…" $args`: the one when no node.exe sits beside it.
  const ps1 = [...shims.ps1.matchAll(/^\s*& "([^"]+)\$exe"\s+(.*?)\s*\$args$/gm)].at(-1);
  // sh, the last `exec`: cmd-shim 8 (npm 11's) `exec node  "$basedir/…" "$@"`; cmd-shim 9
  // `exec "$PROG_EXE" "$basedir_win/…" "$@"` with `PROG_EXE=node` as the PATH fallback.
  const shExec = [...shims.sh.matchAll(/^\s*exec (?:\S+=\S+\s+)*(\S+)\s+(.*?)\s*"\$@"$/gm)].at(-1);
  const shProg =
    shExec?.[1] === '"$PROG_EXE"' ? /^ {4}PROG_EXE=(\S+)$/m.exec(shims.sh)?.[1] : shExec?.[1];
  const shRun = shExec?.[2];
  return {
    cmd: cmdProg && cmdRun !== undefined ? [cmdProg, ...cmdRun.split(/\s+/)] : undefined,
    ps1: ps1 ? [ps1[1]!, ...ps1[2]!.split(/\s+/)] : undefined,
    sh: shProg && shRun !== undefined ? [shProg, ...shRun.split(/\s+/)] : undefined,
  };
}
