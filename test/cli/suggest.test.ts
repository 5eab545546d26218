import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closest, editDistance } from '../../src/cli/suggest.js';

test('edit distance counts a swap of neighbours as one edit', () => {
  assert.equal(editDistance('buidl', 'build'), 1);
  assert.equal(editDistance('check', 'check'), 0);
  assert.equal(editDistance('kitten', 'sitting'), 3);
});

test('closest: near words and prefixes are suggested, far ones are not', () => {
  const commands = ['build', 'check', 'release', 'verify', 'help'];
  assert.equal(closest('buidl', commands), 'build');
  assert.equal(closest('BUILD', commands), 'build');
  assert.equal(closest('relese', commands), 'release');
  assert.equal(closest('deploy', commands), undefined);
  assert.equal(closest('x', commands), undefined);
  assert.equal(closest('--form', ['--format', '--out']), '--format');
});
