/**
 * Issue 11 items 3, 4 and 8: a source cannot read outside its folder (symbolic links out of
 * it, link loops, liquidjs's own render tag), cannot make the build run away (a huge loop,
 * a recursive include, a billion-laughs YAML file), and Liquid's clock and chance are the
 * build's. Each hostile source is built here; each failure is exit 1 with file:line and no
 * stack trace, and nothing is written.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isUserError, makeSite, page, run, written } from './hostile.js';

const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
  .concat(
    'bcdefgh'
      .split('')
      .map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefg'[i]}`).join(',')}]`),
  )
  .join('\n');

interface Case {
  name: string;
  files: Record<string, string>;
  setup?: (dir: string) => void;
  message: RegExp;
}

const cases: Case[] = [
  {
    name: 'a symbolic link out of the source folder',
    files: { 'guide/index.md': page('Jail', '/guide/', '# Jail\n') },
    setup: (dir) => {
      writeFileSync(join(dir, '..', 'secret.md'), '---\ntitle: SECRET-TEXT\n---\nSECRET-TEXT\n');
      symlinkSync(join(dir, '..', 'secret.md'), join(dir, 'guide', 'secret.md'));
    },
    message: /guide\/secret\.md.*symbolic link .*outside the source folder/,
  },
  {
    name: 'a symbolic link loop',
    files: { 'guide/index.md': page('Loop', '/guide/', '# Loop\n') },
    setup: (dir) => symlinkSync('..', join(dir, 'guide', 'again')),
    message: /guide\/again.*symbolic link loop/,
  },
  {
    name: "liquidjs's render tag",
    files: { 'guide/index.md': page('Render', '/guide/', '# Render\n\n{% render package.json %}') },
    message: /guide\/index\.md:7: error: \{% render %\} is not available/,
  },
  {
    name: 'a loop over a hundred million numbers',
    files: {
      'guide/index.md': page(
        'Loop',
        '/guide/',
        '# Loop\n\n{% for i in (1..100000000) %}x{% endfor %}',
      ),
    },
    message: /guide\/index\.md:7: error: .*too large/,
  },
  {
    name: 'a recursive include',
    files: {
      '_includes/a.html': 'a {% include b.html %}',
      '_includes/b.html': 'b {% include a.html %}',
      'guide/index.md': page('Rec', '/guide/', '# Rec\n\n{% include a.html %}'),
    },
    message: /guide\/index\.md:7: error: recursive include: a\.html → b\.html → a\.html\n/,
  },
  {
    name: 'a billion laughs in _data',
    files: { '_data/laughs.yml': laughs, 'guide/index.md': page('Y', '/guide/', '# Y\n') },
    message: /_data\/laughs\.yml:1: error: YAML aliases/,
  },
];

for (const c of cases) {
  test(`hostile source: ${c.name}`, async () => {
    const site = makeSite({ '_config.yml': 'title: Hostile\n', ...c.files });
    try {
      c.setup?.(site.dir);
      const r = await run([
        'build',
        '--source',
        site.dir,
        '--out',
        site.out,
        '--format',
        'html,docx',
        '--no-cache',
      ]);
      assert.ok(isUserError(r), `exit ${r.code}\n${r.stderr}`);
      assert.match(r.stderr, c.message);
      assert.ok(r.stderr.length < 2000, `message of ${r.stderr.length} characters`);
      assert.doesNotMatch(r.stderr, /SECRET-TEXT/);
      assert.deepEqual(written(site.out), []);
    } finally {
      site.remove();
    }
  });
}

test('a small YAML alias use still works', async () => {
  const site = makeSite({
    '_config.yml': 'title: Aliases\n',
    '_data/a.yml':
      'a: &a [1,2,3,4,5]\nb: &b [*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d]\n',
    'guide/index.md': page('Aliases', '/guide/', '# Aliases\n\n{{ site.data.a.e | size }} lists'),
  });
  try {
    const r = await run([
      'build',
      '--source',
      site.dir,
      '--out',
      site.out,
      '--format',
      'html',
      '--no-cache',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(readFileSync(join(site.out, 'handbook.html'), 'utf8'), /5 lists/);
  } finally {
    site.remove();
  }
});

test('now, site.time, date and sample: the same bytes in any time zone and locale', async () => {
  const body =
    '# Clock\n\nNow {{ "now" | date: "%Y-%m-%d %H:%M %Z %a %b" }}; time {{ site.time }}; epoch {{ 0 | date: "%Y-%m-%d %H:%M" }}; pick {{ "a,b,c,d,e,f,g,h" | split: "," | sample }}.';
  const site = makeSite({
    '_config.yml': 'title: Clock\n',
    'guide/index.md': page('Clock', '/guide/', body),
  });
  try {
    const outs: string[] = [];
    for (const [tz, lang] of [
      ['UTC', 'C'],
      ['Pacific/Kiritimati', 'de_DE.UTF-8'],
      ['America/Los_Angeles', 'ja_JP.UTF-8'],
    ]) {
      const out = join(site.out, String(tz).replace('/', '-'));
      mkdirSync(out, { recursive: true });
      const r = await run(
        [
          'build',
          '--source',
          site.dir,
          '--out',
          out,
          '--format',
          'html',
          '--date',
          '2026-03-01',
          '--version',
          '2.0.0',
          '--no-cache',
        ],
        { TZ: tz, LANG: lang, LC_ALL: lang },
      );
      assert.equal(r.code, 0, r.stderr);
      outs.push(readFileSync(join(out, 'handbook.html'), 'utf8'));
    }
    assert.match(
      outs[0]!,
      /Now 2026-03-01 00:00 UTC Sun Mar; time 2026-03-01 00:00:00 \+0000; epoch 1970-01-01 00:00; pick [a-h]\./,
    );
    assert.equal(outs[1], outs[0]);
    assert.equal(outs[2], outs[0]);
  } finally {
    site.remove();
  }
});
