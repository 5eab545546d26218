/**
 * Release version names: they become directory names, so they are validated strictly, and
 * ordered like semver so that "the previous release" is well defined.
 */
import { HandbookError } from '../errors.js';

/** `1`, `1.2`, `1.2.3`, with an optional `-prerelease` and `+build` (semver-ish). */
const VERSION =
  /^\d+(?:\.\d+)*(?:-[0-9A-Za-z]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z]+(?:\.[0-9A-Za-z-]+)*)?$/;

export function isReleaseVersion(v: string): boolean {
  return v.length <= 64 && VERSION.test(v);
}

export function validateVersion(v: string): string {
  if (!isReleaseVersion(v)) {
    throw new HandbookError('USAGE', `invalid release version "${v}"`, {
      hint: 'use numbers separated by dots, optionally with a pre-release suffix: 1.0, 1.2.3, 2.0.0-rc.1',
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
  // A version without a pre-release is higher than one with (1.0 > 1.0-rc.1).
  if (a.length === 0 || b.length === 0) return b.length - a.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const xn = /^\d+$/.test(x);
    const yn = /^\d+$/.test(y);
    if (xn && yn) {
      const d = Number(x) - Number(y);
      if (d !== 0) return Math.sign(d);
    } else if (xn !== yn) {
      return xn ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  return 0;
}

/** Semver order; missing numeric parts count as 0 (1.0 = 1.0.0); build metadata is ignored. */
export function compareVersions(a: string, b: string): number {
  const pa = parse(a);
  const pb = parse(b);
  for (let i = 0; i < Math.max(pa.numbers.length, pb.numbers.length); i++) {
    const d = (pa.numbers[i] ?? 0) - (pb.numbers[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return comparePre(pa.pre, pb.pre);
}
