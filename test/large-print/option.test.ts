/**
 * The large print option without a browser: the checked option and its range, the profile
 * each renderer reads (the standard one changes nothing), the Word handbook at the largest
 * size, and the CLI's flags run as a process (usage errors exit 2 and write nothing).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from '../../src/build.js';
import { HandbookError } from '../../src/errors.js';
import { profileCss } from '../../src/html/profile-css.js';
import { wordProfile } from '../../src/docx/profile.js';
import {
  LARGE_PRINT_MAX_PT,
  LARGE_PRINT_MIN_PT,
  STANDARD_PROFILE,
  largePrintProfile,
  parseBodySize,
  resolveLargePrint,
} from '../../src/large-print.js';
import { handbook } from '../cli/run.js';
import { openWord } from './read-docx.js';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { markWideTables } from '../../src/html/wide-tables.js';

const SOURCE = fileURLToPath(new URL('../../content', import.meta.url));

const usage = (fn: () => unknown, re: RegExp): void =>
  assert.throws(
    fn,
    (e: unknown) =>
      e instanceof HandbookError && e.code === 'USAGE' && re.test(`${e.message} ${e.hint}`),
  );

describe('the large print option', () => {
  it('is off unless asked for, and 16 pt when asked for without a size', () => {
    assert.equal(resolveLargePrint(undefined), undefined);
    assert.equal(resolveLargePrint(false), undefined);
    assert.deepEqual(resolveLargePrint(true), { bodyPt: 16 });
    assert.deepEqual(resolveLargePrint({}), { bodyPt: 16 });
    assert.deepEqual(resolveLargePrint({ bodyPt: 20.5 }), { bodyPt: 20.5 });
    assert.equal(LARGE_PRINT_MIN_PT, 16);
    assert.equal(LARGE_PRINT_MAX_PT, 24);
  });

  it('refuses a size outside 16–24 pt or between half points, naming the range', () => {
    for (const bodyPt of [15.5, 24.5, 0, -16, Number.NaN, Infinity]) {
      usage(() => resolveLargePrint({ bodyPt }), /out of range.*from 16 to 24/);
    }
    usage(() => resolveLargePrint({ bodyPt: '18' as unknown as number }), /out of range/);
    usage(() => resolveLargePrint({ bodyPt: 17.3 }), /not in half points.*from 16 to 24/);
  });

  it('reads --body-size as points', () => {
    assert.equal(parseBodySize('18'), 18);
    assert.equal(parseBodySize('18.5pt'), 18.5);
    assert.equal(parseBodySize(' 20 PT '), 20);
    for (const bad of ['', 'big', '18px', '1e2', '-18']) usage(() => parseBodySize(bad), /points/);
  });
});

describe('the print profile', () => {
  it('adds no CSS and keeps every Word size for the standard handbook', () => {
    assert.equal(profileCss(STANDARD_PROFILE, 'print'), '');
    assert.equal(profileCss(STANDARD_PROFILE, 'screen'), '');
    const w = wordProfile(STANDARD_PROFILE);
    for (const pt of [9, 9.5, 11, 20, 28]) assert.equal(w.size(pt), pt * 2);
    assert.equal(w.line(276), 276);
    assert.deepEqual(w.emphasis, { italics: true });
  });

  it('sets nothing under the body size, headings larger, 1.5 lines, bold emphasis', () => {
    for (const bodyPt of [16, 24]) {
      const p = largePrintProfile({ bodyPt });
      const w = wordProfile(p);
      for (const pt of [9, 9.5, 10, 11]) assert.equal(w.size(pt), bodyPt * 2, `${pt} pt`);
      for (let level = 1; level <= 6; level++)
        assert.ok(w.size(11, { heading: level }) >= bodyPt * 2);
      assert.ok(w.size(20, { heading: 1 }) > bodyPt * 2);
      assert.equal(w.line(276), 360);
      assert.deepEqual(w.emphasis, { bold: true });
      const css = profileCss(p, 'print');
      assert.match(
        css,
        new RegExp(`html \\{ font-size: ${bodyPt}pt; line-height: 1\\.5; text-align: left;`),
      );
      assert.doesNotMatch(css, /justify|italic/);
      assert.match(css, /@bottom-left \{ font-size: \d+pt; \}/);
    }
  });
});

describe('tables too wide for large print', () => {
  const mark = (html: string, bodyPt?: number): string => {
    const tree = fromHtml(html, { fragment: true });
    markWideTables(tree, bodyPt ? largePrintProfile({ bodyPt }) : STANDARD_PROFILE);
    return toHtml(tree);
  };
  const row = (...cells: string[]): string =>
    `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  const long = `<table>${row('pseudonymisation', 'interoperability', 'responsibilities', 'accountabilities')}</table>`;
  const short = `<table>${row('Role', 'Who', 'When')}${row('Sign-off', 'Practice manager', 'Go-live')}</table>`;

  it('are marked when their longest words cannot stand side by side', () => {
    assert.match(mark(long, 16), /<table data-hb-wrap="anywhere">/);
    assert.doesNotMatch(mark(short, 16), /data-hb-wrap/);
    assert.match(
      mark(short.replace('Practice manager', 'Practicemanagerinchargeofeverything'), 24),
      /data-hb-wrap/,
    );
  });

  it('are never marked in the standard handbook, nor for long links', () => {
    assert.doesNotMatch(mark(long), /data-hb-wrap/);
    const links = `<table>${row('<a href="https://example.org/a-very-long-address-that-breaks-anyway">x</a>', 'y')}</table>`;
    assert.doesNotMatch(mark(links, 24), /data-hb-wrap/);
  });
});

describe('large print builds without a browser', () => {
  it('writes a Word handbook at 24 pt with every run at 24 pt or larger', async () => {
    const r = await build({
      source: SOURCE,
      formats: ['docx'],
      date: '2026-11-01',
      largePrint: { bodyPt: 24 },
    });
    const { runs } = openWord(r.outputs[0]!.bytes);
    assert.ok(runs.length > 1000);
    assert.deepEqual(
      runs
        .filter((x) => x.size < 48)
        .map((x) => x.text)
        .slice(0, 5),
      [],
    );
    assert.deepEqual(
      runs
        .filter((x) => x.italic)
        .map((x) => x.text)
        .slice(0, 5),
      [],
    );
  });

  it('refuses an out-of-range size before writing anything', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hb-lp-')), 'out');
    try {
      await assert.rejects(
        build({ source: SOURCE, out, formats: ['html'], largePrint: { bodyPt: 30 } }),
        (e: unknown) => e instanceof HandbookError && e.code === 'USAGE',
      );
      assert.equal(existsSync(out), false);
    } finally {
      rmSync(join(out, '..'), { recursive: true, force: true });
    }
  });
});

describe('handbook build --large-print', () => {
  const tmp = (): string => join(mkdtempSync(join(tmpdir(), 'hb-lp-cli-')), 'out');

  for (const [args, says] of [
    [['--large-print', '--body-size', '30'], /out of range[\s\S]*from 16 to 24/],
    [['--large-print', '--body-size', '12'], /out of range/],
    [['--large-print', '--body-size', 'big'], /not a size in points/],
    [['--body-size', '18'], /add --large-print/],
  ] as const) {
    it(`exits 2 for ${args.join(' ')} and writes nothing`, () => {
      const out = tmp();
      const r = handbook(['build', ...args, '--format', 'html', '--out', out]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, says);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
      assert.equal(existsSync(out), false);
    });
  }

  it('builds the HTML handbook with the large print profile', () => {
    const out = tmp();
    const r = handbook([
      'build',
      '--large-print',
      '--body-size',
      '18',
      '--format',
      'html',
      '--out',
      out,
      '-q',
    ]);
    assert.equal(r.code, 0, r.stderr);
    const html = readFileSync(join(out, 'handbook.html'), 'utf8');
    assert.match(html, /html \{ font-size: 18pt; line-height: 1\.5; text-align: left;/);
    assert.match(html, /em, i \{ font-weight: 700; \}/);
    rmSync(join(out, '..'), { recursive: true, force: true });
  });

  it('lists both flags in the help', () => {
    const r = handbook(['build', '--help']);
    assert.match(r.stdout, /--large-print[\s\S]*--body-size PT/);
  });
});
