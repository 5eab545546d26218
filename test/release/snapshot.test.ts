import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  chapterLinks,
  chapterSections,
  parseSnapshot,
  takeSnapshot,
} from '../../src/release/snapshot.js';
import { chapter, handbook } from './helpers.js';

const BODY = `
<p>Opening   text.</p>
<h2 id="phases">Key phases</h2>
<p>Plan <a href="#kick-off">the kick-off</a>.</p>
<aside class="hb-card"><h3 class="hb-card__heading" data-hb-outline="false">Please note</h3><p>Card text.</p></aside>
<section><h3 id="sub">Sub part</h3><p>Nested <a href="https://example.org/a">ext</a> text.</p></section>
<h2 id="ig">Information Governance</h2>
<ul><li><a href="https://example.org/a">again</a></li><li>Encryption guidance</li></ul>
`;

test('sections split the body at outline headings; component headings are text', () => {
  const s = chapterSections(chapter('intro', 'Introduction', BODY));
  assert.deepEqual(
    s.map((x) => [x.id, x.title, x.level]),
    [
      ['intro', 'Introduction', 1],
      ['phases', 'Key phases', 2],
      ['sub', 'Sub part', 3],
      ['ig', 'Information Governance', 2],
    ],
  );
  assert.equal(s[0]?.text, 'Opening text.');
  assert.match(s[1]!.text, /Plan the kick-off\./);
  assert.match(s[1]!.text, /Please note/);
  assert.match(s[1]!.text, /Card text\./);
  assert.doesNotMatch(s[1]!.text, /Nested/, 'a subsection’s text belongs to the subsection');
  assert.equal(s[2]?.text, 'Nested ext text.');
  assert.match(s[3]!.text, /Encryption guidance/);
});

test('links are listed once each, internal ones as #id', () => {
  const links = chapterLinks(chapter('intro', 'Introduction', BODY));
  assert.deepEqual(links, [
    { href: '#kick-off', text: 'the kick-off' },
    { href: 'https://example.org/a', text: 'ext' },
  ]);
});

test('a snapshot holds chapters, appendices and GAP notes, and reads back', () => {
  const hb = handbook([chapter('intro', 'Introduction', BODY)], '1.0', [
    chapter('refs', 'References', '<p>x</p>', { kind: 'appendix', label: 'Appendix A' }),
  ]);
  const snap = takeSnapshot(hb, [
    {
      file: 'guide/index.md',
      line: 30,
      severity: 'note',
      code: 'gap-note',
      message: 'link missing',
    },
    {
      file: 'guide/index.md',
      line: 31,
      severity: 'note',
      code: 'uplift-note',
      message: 'reworded',
    },
  ]);
  assert.deepEqual(
    snap.chapters.map((c) => [c.id, c.kind]),
    [
      ['intro', 'chapter'],
      ['refs', 'appendix'],
    ],
  );
  assert.deepEqual(snap.gaps, [{ file: 'guide/index.md', line: 30, message: 'link missing' }]);
  assert.deepEqual(parseSnapshot(JSON.stringify(snap)), snap);
  assert.throws(() => parseSnapshot('{"format": 99}'));
});
