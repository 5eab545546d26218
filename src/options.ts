/**
 * Resolved build settings. Defaults < environment (SOURCE_DATE_EPOCH, CHROME_PATH) < flags;
 * resolved once and never mutated afterwards.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { HandbookError } from './errors.js';
import { resolveLargePrint, type LargePrintOption } from './large-print.js';

export const FORMATS = ['html', 'pdf', 'docx', 'epub'] as const;
export type Format = (typeof FORMATS)[number];

export function parseFormats(value: string | undefined): Format[] {
  if (value === undefined || value.trim() === '') return [...FORMATS];
  const out: Format[] = [];
  for (const raw of value.split(',')) {
    const f = raw.trim().toLowerCase();
    if (!(FORMATS as readonly string[]).includes(f)) {
      throw new HandbookError('USAGE', `unknown format "${raw.trim()}"`, {
        hint: `use a comma-separated list of ${FORMATS.join(', ')}`,
      });
    }
    if (!out.includes(f as Format)) out.push(f as Format);
  }
  return out;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether YYYY-MM-DD names a real day (Date.parse rolls 2026-02-30 over to 2 March). */
export function isCalendarDate(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/** The build date: `--date`, else SOURCE_DATE_EPOCH, else today (UTC), as YYYY-MM-DD. */
export function resolveDate(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
  now = new Date(),
): string {
  if (flag !== undefined) {
    if (!ISO_DATE.test(flag)) {
      throw new HandbookError('USAGE', `invalid date "${flag}"`, {
        hint: 'give the date as YYYY-MM-DD',
      });
    }
    if (!isCalendarDate(flag)) {
      throw new HandbookError('USAGE', `invalid date "${flag}": there is no such day`, {
        hint: 'give a real calendar date as YYYY-MM-DD (e.g. 2026-02-28)',
      });
    }
    return flag;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    const seconds = Number(epoch);
    if (!Number.isInteger(seconds) || seconds < 0) {
      throw new HandbookError('USAGE', `SOURCE_DATE_EPOCH="${epoch}" is not a number of seconds`, {
        hint: 'set it to a Unix timestamp, e.g. $(git log -1 --format=%ct)',
      });
    }
    return new Date(seconds * 1000).toISOString().slice(0, 10);
  }
  return now.toISOString().slice(0, 10);
}

/**
 * The source when none is given, as `jekyll build` does: the working directory when it is a
 * Jekyll site (it has a `_config.yml`), otherwise its `content/` folder. Absolute.
 */
export function defaultSource(cwd: string = process.cwd()): string {
  return existsSync(join(cwd, '_config.yml')) ? resolve(cwd) : resolve(cwd, 'content');
}

export interface BuildSettings {
  source: string;
  out: string;
  formats: Format[];
  version: string;
  date: string;
  chrome: string | undefined;
  /** Large print (src/large-print.ts); absent: the standard handbook. */
  largePrint?: LargePrintOption;
}

export function resolveSettings(flags: {
  source?: string;
  out?: string;
  format?: string;
  formats?: Format[];
  version?: string;
  date?: string;
  chrome?: string;
  largePrint?: boolean | Partial<LargePrintOption>;
}): BuildSettings {
  const largePrint = resolveLargePrint(flags.largePrint);
  return Object.freeze({
    source: flags.source === undefined ? defaultSource() : resolve(flags.source),
    out: resolve(flags.out ?? 'dist'),
    formats: flags.formats ?? parseFormats(flags.format),
    version: flags.version ?? 'draft',
    date: resolveDate(flags.date),
    chrome: flags.chrome,
    ...(largePrint ? { largePrint } : {}),
  });
}
