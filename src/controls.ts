/**
 * Control characters (C0 other than tab, line feed and carriage return; DEL; C1; U+FFFE/FFFF;
 * lone surrogates) are invisible on every page and make XML not well-formed (a title with
 * U+0001 broke word/document.xml). They are stripped once, from the Handbook tree that every
 * renderer reads, and each chapter that held one is reported with a warning.
 */
import type { Diagnostics } from './diagnostics.js';
import type { Handbook } from './model.js';

const CONTROL =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

interface Tally {
  count: number;
  line: number | undefined;
}

function lineOf(node: object): number | undefined {
  const line = (node as { position?: { start?: { line?: unknown } } }).position?.start?.line;
  return typeof line === 'number' ? line : undefined;
}

/** Strips control characters from every string in `value` (in place); counts them in `tally`. */
function strip(value: unknown, tally: Tally, line?: number): unknown {
  if (typeof value === 'string') {
    CONTROL.lastIndex = 0;
    if (!CONTROL.test(value)) return value;
    const cleaned = value.replace(CONTROL, '');
    tally.count += value.length - cleaned.length;
    tally.line ??= line;
    return cleaned;
  }
  if (typeof value !== 'object' || value === null) return value;
  const here = lineOf(value) ?? line;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = strip(value[i], tally, here);
  } else {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (key !== 'position') record[key] = strip(record[key], tally, here);
    }
  }
  return value;
}

/** Removes control characters from the whole tree (in place), warning per source file. */
export function stripControlCharacters(hb: Handbook, diag?: Diagnostics): Handbook {
  const parts: [string, unknown][] = [
    ['_config.yml', hb.meta],
    ['releases.yml', hb.releases],
    ...[...hb.chapters, ...hb.appendices].map((c): [string, unknown] => [c.source, c]),
  ];
  for (const [file, part] of parts) {
    const tally: Tally = { count: 0, line: undefined };
    strip(part, tally);
    if (tally.count === 0) continue;
    diag?.warning(
      file,
      tally.line,
      'control-character',
      `${tally.count} control character(s) removed: they cannot be shown or stored in the handbook`,
      'delete the invisible characters (often pasted from another program)',
    );
  }
  return hb;
}
