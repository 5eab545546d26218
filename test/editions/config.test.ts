/**
 * Editions in handbook.yml refused with one message naming the key: a brand colour below WCAG
 * AA (on white, on the inset grey, or under its text), a large print size out of range, an
 * unknown key, a left-out page that is not there; an unknown `--edition` is a usage error
 * (exit 2) listing the editions, and nothing is written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { build } from '../../src/build.js';
import { contrastRatio } from '../../src/editions/contrast.js';
import { HandbookError } from '../../src/errors.js';
import { handbook, tempDir } from '../release/tree.js';
import { editionsSource } from './fixture.js';

test('contrast ratios are WCAG 2.1 relative-luminance ratios', () => {
  assert.equal(contrastRatio('#000000', '#ffffff'), 21);
  assert.equal(contrastRatio('#ffffff', '#ffffff'), 1);
  // NHS blue: 6.3:1 on white (styles/base.css).
  assert.equal(Math.round(contrastRatio('#005eb8', '#ffffff') * 10) / 10, 6.4);
});

async function withConfig(t: test.TestContext, edit: (yml: string) => string): Promise<string> {
  const tmp = await tempDir(t, 'hb-edition-config-');
  const source = await editionsSource(tmp);
  const file = join(source, 'handbook.yml');
  await writeFile(file, edit(await readFile(file, 'utf8')));
  return source;
}

async function refusal(source: string, edition: string): Promise<HandbookError> {
  const out = join(source, '..', 'out');
  const e = await build({ source, edition, formats: ['html'], out, cache: false }).then(
    () => undefined,
    (err: unknown) => err,
  );
  assert.ok(e instanceof HandbookError, `refused: ${String(e)}`);
  assert.ok(!existsSync(out), 'nothing is written');
  return e;
}

test('a brand colour too light on white is refused, naming the key and the ratio', async (t) => {
  const source = await withConfig(t, (y) => y.replace("colour: '#6b2c91'", "colour: '#f4a300'"));
  const e = await refusal(source, 'north-icb');
  assert.equal(e.code, 'CONFIG');
  assert.equal(e.file, 'handbook.yml');
  assert.match(
    e.message,
    /editions\[0\]\.colour: #f4a300 on white has a contrast of 2\.0\d:1, below WCAG AA's 4\.5:1/,
  );
  const lines = (await readFile(join(source, 'handbook.yml'), 'utf8')).split('\n');
  assert.match(lines[(e.line ?? 0) - 1] ?? '', /colour: '#f4a300'/, 'the line of the key');
});

test('text on the brand colour below 4.5:1 is refused, naming colour.text', async (t) => {
  const source = await withConfig(t, (y) => y.replace("text: '#ffffff'", "text: '#2f8f6f'"));
  const e = await refusal(source, 'south-icb');
  assert.match(
    e.message,
    /editions\[1\]\.colour\.text: text #2f8f6f on #0b6e4f has a contrast of 1\.\d+:1/,
  );
  assert.ok(e.hint);
});

test('a colour that passes on white but not on the inset grey is refused too', async (t) => {
  // 4.6:1 on white, 4.15:1 on #f0f4f5.
  const source = await withConfig(t, (y) => y.replace("colour: '#6b2c91'", "colour: '#2e845b'"));
  const ratio = contrastRatio('#2e845b', '#ffffff');
  assert.ok(ratio >= 4.5 && contrastRatio('#2e845b', '#f0f4f5') < 4.5, String(ratio));
  const e = await refusal(source, 'north-icb');
  assert.match(e.message, /editions\[0\]\.colour: #2e845b on the grey panel/);
});

test('schema errors name the key: large print size, unknown key, left-out page', async (t) => {
  const big = await withConfig(t, (y) => `${y}  - id: big\n    largePrint:\n      bodyPt: 30\n`);
  assert.match((await refusal(big, 'big')).message, /editions\[2\]\.largePrint/);
  const typo = await withConfig(t, (y) =>
    y.replace('    variables:\n      helpdesk', '    variabels:\n      helpdesk'),
  );
  const e = await refusal(typo, 'north-icb');
  assert.match(e.message, /editions\[0\]\.variabels/);
  const gone = await withConfig(t, (y) => y.replace('- /guide/training', '- /guide/no-such-page'));
  assert.match(
    (await refusal(gone, 'north-icb')).message,
    /editions\[0\]\.leaveOut\[0\]: \/guide\/no-such-page is no page/,
  );
});

test('an unknown --edition is a usage error listing the editions', async (t) => {
  const tmp = await tempDir(t, 'hb-edition-cli-');
  const source = await editionsSource(tmp);
  const out = join(tmp, 'out');
  const r = handbook(['build', '--source', source, '--out', out, '--edition', 'west-icb']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /unknown edition "west-icb"/);
  assert.match(r.stderr, /default, north-icb, south-icb \(or all\)/);
  assert.ok(!existsSync(out));
});
