/**
 * Child processes for the benchmark: whole-process wall time (spawn → exit), the largest
 * process's peak RSS via GNU time when installed, and an optional sampler of the RSS of the
 * whole process tree (Node + Chromium's browser, renderer and GPU processes).
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const GNU_TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

export interface RunResult {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak RSS of the largest single process in the tree (GNU time %M), bytes. */
  maxRss?: number;
  /** Peak of the summed PSS of the whole process tree (sampled), bytes. */
  treeRss?: number;
  timedOut?: boolean;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Sample the process tree's RSS this often (ms). Costs a little CPU: off for timing runs. */
  sampleMs?: number;
  /** Stop the whole process tree (SIGTERM, then SIGKILL) after this long. */
  timeoutMs?: number;
}

let seq = 0;

export function run(cmd: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const timeFile = GNU_TIME ? join(tmpdir(), `hb-bench-time-${process.pid}-${seq++}`) : undefined;
  const [file, argv] =
    GNU_TIME && timeFile ? [GNU_TIME, ['-f', '%M', '-o', timeFile, cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(file, argv, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let peak = 0;
    const timer =
      opts.sampleMs && child.pid
        ? setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), opts.sampleMs)
        : undefined;
    let timedOut = false;
    const limit = opts.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          signalTree(child.pid!, 'SIGTERM');
          setTimeout(() => signalTree(child.pid!, 'SIGKILL'), 10_000).unref();
        }, opts.timeoutMs)
      : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      const elapsed = performance.now() - start;
      if (timer) clearInterval(timer);
      if (limit) clearTimeout(limit);
      const result: RunResult = {
        ms: elapsed,
        code,
        stdout,
        stderr,
        ...(timedOut ? { timedOut } : {}),
      };
      if (timeFile && existsSync(timeFile)) {
        const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kb)) result.maxRss = kb * 1024;
        rmSync(timeFile, { force: true });
      }
      if (timer) result.treeRss = peak;
      resolve(result);
    });
  });
}

/** Runs a command and throws with its stderr when it fails (a benchmark of a failure is no benchmark). */
export async function runOk(
  cmd: string,
  args: string[],
  opts: RunOptions = {},
): Promise<RunResult> {
  const r = await run(cmd, args, opts);
  if (r.code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${r.code}:\n${r.stderr.slice(-4000)}`);
  }
  return r;
}

const PAGE = 4096;

/**
 * Memory of `root` and every descendant, read from /proc (Linux only; 0 elsewhere): the sum of
 * PSS (shared pages split between the processes sharing them, so Chromium's processes are not
 * counted several times), falling back to RSS when smaps_rollup cannot be read.
 */
export function treeRss(root: number): number {
  const { rss, children } = processTable();
  let total = 0;
  for (const pid of descendants(root, children)) total += pss(pid) ?? rss.get(pid) ?? 0;
  return total;
}

/** Clock ticks a second of /proc's CPU times (USER_HZ, 100 on Linux). */
const TICKS = 100;

/**
 * CPU time (user + system, ms) used so far by `root` and its live descendants, from /proc
 * (Linux only; 0 elsewhere). Processes that already ended are not counted.
 */
export function treeCpuMs(root: number): number {
  let total = 0;
  for (const pid of descendants(root, processTable().children)) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // After "(comm) ": utime and stime are fields 14 and 15 overall, indexes 11 and 12 here.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += ((Number(f[11]) + Number(f[12])) * 1000) / TICKS;
    } catch {
      // Ended while we looked.
    }
  }
  return total;
}

/** Sends `signal` to `root` and all its descendants (our own child processes only). */
function signalTree(root: number, signal: NodeJS.Signals): void {
  for (const pid of descendants(root, processTable().children)) {
    try {
      process.kill(pid, signal);
    } catch {
      // Already gone.
    }
  }
}

function descendants(root: number, children: Map<number, number[]>): number[] {
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

function processTable(): { rss: Map<number, number>; children: Map<number, number[]> } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  let entries: string[] = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    // Not Linux: no tree, only the root.
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      // Fields after "(comm) ": state ppid … ; rss is field 24 overall, index 21 here.
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(e);
      const ppid = Number(f[1]);
      rss.set(pid, Number(f[21]) * PAGE);
      const list = children.get(ppid) ?? [];
      list.push(pid);
      children.set(ppid, list);
    } catch {
      // The process ended while we looked: skip it.
    }
  }
  return { rss, children };
}

function pss(pid: number): number | undefined {
  try {
    const kb = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}

/** Runs `fn` `n` times one after the other (never in parallel: 2 cores). */
export async function repeat<T>(n: number, fn: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await fn(i));
  return out;
}
