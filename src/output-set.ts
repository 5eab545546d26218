/**
 * A build's outputs land as ONE set: after a build (or the recovery at the next run) the
 * output folder holds either every new file or none of them, whatever happened in between
 * (a full disk, a file held open by Word, a kill between two renames).
 *
 * One set has an id `<pid>-<random>`; beside the targets it uses, in the output folder:
 *   `.handbook-set-<id>.json`        the journal: names, which of them existed, folders created
 *   `.handbook-set-<id>.<name>.tmp`  the new file, written and flushed in full
 *   `.handbook-set-<id>.<name>.old`  the previous file, moved aside during the commit
 * Commit: for each name, move the old file aside, then the new one into place; the journal is
 * removed last: that removal is the commit point. Until then every step can be undone from
 * what is on disk alone (`rollBack`), which is what the next run does for a set whose process
 * is gone. After it, only `.old` files are left to delete.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmdirSync, rmSync } from 'node:fs';
import { readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFlushed } from './fs-atomic.js';
import { outputError } from './fs-errors.js';
import { checkOutputTargets, createFolders, removeEmptyFolders } from './output-targets.js';
import { onInterrupt, pidAlive } from './release/staging.js';

export { checkOutputTargets } from './output-targets.js';

export interface OutputFile {
  /** A plain file name inside the output folder. */
  name: string;
  data: Uint8Array | string;
}

interface Journal {
  names: string[];
  existed: string[];
  /** Folders this set created (deepest first), removed again when it is undone and empty. */
  created: string[];
}

const PREFIX = '.handbook-set-';
const PART = /^\.handbook-set-(\d+-[0-9a-f]{12})(?:\.json|\.(.+)\.(tmp|old))$/;
/** What `writeFileAtomic` used to leave behind: `.handbook.html.<pid>.<hex>.tmp`. */
const LEGACY = /^\.handbook\.[a-z]+\.(\d+)\.[0-9a-f]+\.tmp$/;
/** Sets being written by this process: never recovered under its feet. */
const active = new Set<string>();

const journalPath = (dir: string, id: string): string => join(dir, `${PREFIX}${id}.json`);
const partPath = (dir: string, id: string, name: string, kind: 'tmp' | 'old'): string =>
  join(dir, `${PREFIX}${id}.${name}.${kind}`);

/**
 * Test hook: `HANDBOOK_TEST_KILL=<step>` ends the process with SIGKILL at that step
 * (`temp:N`, `aside:N`, `place:N`, `committed`), so tests can prove the recovery.
 */
function killPoint(step: string): void {
  if (process.env.HANDBOOK_TEST_KILL === step) process.kill(process.pid, 'SIGKILL');
}

/** Writes every file into `dir` as one set (see the module comment); returns the paths. */
export async function writeOutputSet(dir: string, files: OutputFile[]): Promise<string[]> {
  const names = files.map((f) => f.name);
  await checkOutputTargets(dir, names);
  await recoverOutputSets(dir);
  const id = `${process.pid}-${randomBytes(6).toString('hex')}`;
  active.add(id);
  let step = 'create the output folder';
  let target = dir;
  let created: string[] = [];
  const off = onInterrupt(() => rollBackSync(dir, id, names, created));
  try {
    created = await createFolders(dir);
    const existed = names.filter((n) => existsSync(join(dir, n)));
    const journal: Journal = { names, existed, created };
    step = 'write the journal of';
    const temp = `${journalPath(dir, id)}.tmp`;
    await writeFile(temp, JSON.stringify(journal));
    await rename(temp, journalPath(dir, id));
    step = 'write';
    for (const [i, f] of files.entries()) {
      target = join(dir, f.name);
      await writeFlushed(partPath(dir, id, f.name, 'tmp'), f.data);
      killPoint(`temp:${i + 1}`);
    }
    step = 'replace';
    for (const [i, name] of names.entries()) {
      target = join(dir, name);
      if (existed.includes(name)) await rename(target, partPath(dir, id, name, 'old'));
      killPoint(`aside:${i + 1}`);
      await rename(partPath(dir, id, name, 'tmp'), target);
      killPoint(`place:${i + 1}`);
    }
    await rm(journalPath(dir, id));
    killPoint('committed');
  } catch (e) {
    await undo(dir, id, created).catch(() => undefined);
    throw outputError(e, target, `cannot ${step}`) ?? e;
  } finally {
    off();
    active.delete(id);
  }
  await Promise.all(names.map((n) => rm(partPath(dir, id, n, 'old'), { force: true })));
  return names.map((n) => join(dir, n));
}

/**
 * Undoes a set that was not committed, from what is on disk: a `.old` file goes back to its
 * name (the new file there, if any, is dropped); a name that did not exist before and whose
 * temp is gone holds the new file, which is removed.
 */
async function rollBack(dir: string, id: string): Promise<void> {
  const journal = await readJournal(dir, id);
  const existedNow = new Set(journal.existed);
  for (const name of journal.names) {
    const old = partPath(dir, id, name, 'old');
    const temp = partPath(dir, id, name, 'tmp');
    if (existsSync(old)) await rename(old, join(dir, name));
    else if (!existsSync(temp) && !existedNow.has(name)) await rm(join(dir, name), { force: true });
    await rm(temp, { force: true });
  }
  await rm(journalPath(dir, id), { force: true });
  await removeEmptyFolders(journal.created);
}

/** A failure in this process: undo from the journal, or (none yet) remove what was made. */
async function undo(dir: string, id: string, created: string[]): Promise<void> {
  if (existsSync(journalPath(dir, id))) return rollBack(dir, id);
  await rm(`${journalPath(dir, id)}.tmp`, { force: true });
  await removeEmptyFolders(created);
}

/** For signal handlers, which cannot wait: the same rollback, synchronously. */
function rollBackSync(dir: string, id: string, names: string[], created: string[]): void {
  for (const name of names) {
    const old = partPath(dir, id, name, 'old');
    try {
      if (existsSync(old)) renameSync(old, join(dir, name));
      rmSync(partPath(dir, id, name, 'tmp'), { force: true });
    } catch {
      // best effort: the next run finishes the job from the journal
    }
  }
  if (!names.some((n) => existsSync(partPath(dir, id, n, 'old'))))
    rmSync(journalPath(dir, id), { force: true });
  for (const d of created) {
    try {
      rmdirSync(d);
    } catch {
      break; // not empty (or gone): its parents are not empty either
    }
  }
}

async function readJournal(dir: string, id: string): Promise<Journal> {
  try {
    const j = JSON.parse(await readFile(journalPath(dir, id), 'utf8')) as Partial<Journal>;
    const strings = (v: unknown): string[] =>
      Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
    // Names are plain file names: a journal never makes this touch anything outside `dir`.
    const names = strings(j.names).filter((n) => !/[\\/]/.test(n) && n !== '..' && n !== '.');
    return { names, existed: strings(j.existed), created: strings(j.created) };
  } catch {
    return { names: [], existed: [], created: [] };
  }
}

/**
 * At the start of a run: sets left by processes that are gone are rolled back (or, when the
 * journal is already removed, their leftover `.old` files deleted).
 */
export async function recoverOutputSets(dir: string, alive = pidAlive): Promise<string[]> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  const stale = (pid: number, id?: string): boolean =>
    id !== undefined && active.has(id) ? false : pid === process.pid || !alive(pid);
  const ids = new Set<string>();
  for (const name of entries) {
    const legacy = LEGACY.exec(name);
    if (legacy && stale(Number(legacy[1]))) await rm(join(dir, name), { force: true });
    const m = PART.exec(name);
    if (m && stale(Number(m[1]!.split('-')[0]), m[1])) ids.add(m[1]!);
  }
  let journalLess = false;
  for (const id of ids) {
    if (existsSync(journalPath(dir, id))) await rollBack(dir, id);
    else journalLess = true;
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      if (name.startsWith(`${PREFIX}${id}.`)) await rm(join(dir, name), { force: true });
    }
  }
  // Killed between making the folder and writing its journal: the folder held only that
  // set's parts, so it was that run's; an empty one is not left behind (rmdir fails otherwise).
  if (journalLess) await rmdir(dir).catch(() => undefined);
  return [...ids];
}
