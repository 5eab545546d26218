import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diffWords, similarity, summariseDiff } from '../../src/release/words.js';

test('a word-level diff counts added and removed words', () => {
  const d = diffWords('the quick brown fox jumps', 'the slow brown fox leaps high');
  assert.equal(d.removed, 2); // quick, jumps
  assert.equal(d.added, 3); // slow, leaps, high
  const rebuilt = d.ops
    .filter((o) => o.type !== 'del')
    .flatMap((o) => o.words)
    .join(' ');
  assert.equal(rebuilt, 'the slow brown fox leaps high');
  const original = d.ops
    .filter((o) => o.type !== 'add')
    .flatMap((o) => o.words)
    .join(' ');
  assert.equal(original, 'the quick brown fox jumps');
});

test('identical texts and whitespace-only changes have no word changes', () => {
  const d = diffWords('one  two\nthree', 'one two three');
  assert.equal(d.added + d.removed, 0);
  assert.match(summariseDiff(d), /no word changes/);
});

test('the summary quotes the longest runs in reading order', () => {
  const d = diffWords(
    'Migrations take twelve weeks. Ask the supplier.',
    'Migrations take twelve weeks from the order for the new system. Ask the supplier early.',
  );
  const s = summariseDiff(d);
  assert.match(s, /^\+\d+ words/);
  assert.match(s, /‘.*from the order for the new system.*’/);
  assert.ok(s.indexOf('order') < s.indexOf('early'), s);
});

test('long runs are shortened with an ellipsis', () => {
  const long = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
  const s = summariseDiff(diffWords('start', `start ${long}`));
  assert.match(s, /\+40 words/);
  assert.match(s, /w11 …’/);
  assert.doesNotMatch(s, /w12/);
});

test('similarity is 1 for the same words, 0 for disjoint ones', () => {
  assert.equal(similarity('a b c', 'c b a'), 1);
  assert.equal(similarity('a b c', 'x y z'), 0);
  const s = similarity('How long does a migration take?', 'How long does the migration take?');
  assert.ok(s > 0.7 && s < 1, String(s));
});

test('very long texts still diff (falls back past the cell limit)', () => {
  const a = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
  const b = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
  const d = diffWords(a, b);
  assert.equal(d.added, 3000);
  assert.equal(d.removed, 3000);
});
