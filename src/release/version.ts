/**
 * Release version names are strict SemVer 2.0 (https://semver.org): they become directory
 * names and are ordered to find "the previous release", so `1`, `1.0` and `01.0.0` are
 * refused with a hint, and two versions equal in precedence (`1.0.0+b1` and `1.0.0`: build
 * metadata does not count) are one version.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { HandbookError } from '../errors.js';
import { releaseExists } from './staging.js';

const NUM = '(0|[1-9]\\d*)';
const PRE_ID = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
const BUILD_ID = '[0-9A-Za-z-]+';
/** The regular expression semver.org gives, without capture groups for the parts. */
const SEMVER = new RegExp(
  `^${NUM}\\.${NUM}\\.${NUM}(?:-${PRE_ID}(?:\\.${PRE_ID})*)?(?:\\+${BUILD_ID}(?:\\.${BUILD_ID})*)?$`,
);
const MAX_LENGTH = 64;

export function isReleaseVersion(v: string): boolean {
  return v.length <= MAX_LENGTH && SEMVER.test(v);
}

/** What is wrong with a version that is not SemVer, as a hint for the user. */
function hintFor(v: string): string {
  const core = v.split(/[-+]/, 1)[0] ?? v;
  const parts = core.split('.');
  if (/^\d+(\.\d+)?$/.test(core)) {
    const full = [...parts, '0', '0'].slice(0, 3).join('.');
    return `a release version has three numbers, MAJOR.MINOR.PATCH: use ${full}${v.slice(core.length)}`;
  }
  if (parts.some((p) => /^0\d/.test(p)))
    return 'numbers have no leading zeros (SemVer): write 1.0.0, not 01.0.0';
  if (/^v\d/i.test(v)) return `leave out the "v": ${v.slice(1)}`;
  return 'use SemVer: MAJOR.MINOR.PATCH, optionally with a pre-release: 1.2.3, 2.0.0-rc.1';
}

export function validateVersion(v: string): string {
  if (!isReleaseVersion(v)) {
    const shown = v.length > MAX_LENGTH ? `${v.slice(0, MAX_LENGTH)}…` : v;
    throw new HandbookError('USAGE', `invalid release version "${shown}"`, {
      hint: v.length > MAX_LENGTH ? `at most ${MAX_LENGTH} characters` : hintFor(v),
    });
  }
  return v;
}

interface Parsed {
  numbers: number[];
  pre: string[];
}

function parse(v: string): Parsed {
  const core = v.split('+', 1)[0] ?? v;
  const dash = core.indexOf('-');
  const main = dash < 0 ? core : core.slice(0, dash);
  const pre = dash < 0 ? [] : core.slice(dash + 1).split('.');
  return { numbers: main.split('.').map(Number), pre };
}

function comparePre(a: string[], b: string[]): number {
  // A version without a pre-release is higher than one with (1.0.0 > 1.0.0-rc.1).
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) {
      const d = compareDigits(x, y);
      if (d !== 0) return d;
    } else if (xn !== yn) {
      return xn ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

/** Numeric identifiers of any length (no leading zeros, so the longer one is larger). */
function compareDigits(x: string, y: string): number {
  if (x.length !== y.length) return Math.sign(x.length - y.length);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** SemVer precedence; build metadata is ignored (1.0.0+b1 = 1.0.0). */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < Math.max(pa.numbers.length, pb.numbers.length); i++) {
    const d = (pa.numbers[i] ?? 0) - (pb.numbers[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return comparePre(pa.pre, pb.pre);
}

/** Refuses `version` when a release of equal precedence exists in `releasesDir`. */
export async function assertNoEqualVersion(version: string, releasesDir: string): Promise<void> {
  const names = await readdir(releasesDir).catch(() => [] as string[]);
  const same = names.find((n) => isReleaseVersion(n) && compareVersions(n, version) === 0);
  if (same === undefined) return;
  if (same === version) throw releaseExists(version, join(releasesDir, same));
  throw new HandbookError(
    'RELEASE_EXISTS',
    `release ${version} is the same version as ${same} in ${releasesDir} (build metadata after "+" does not count)`,
    { hint: 'choose a new version; a release is never overwritten' },
  );
}
