import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  expected,
  findingLines,
  fixtureCases,
  normaliseHtml,
  runFixture,
} from './fixture-runner.js';

const cases = fixtureCases('markdown-');

test('there are Markdown fixtures', () => {
  assert.ok(cases.length >= 10, `found ${cases.length}`);
});

for (const dir of cases) {
  test(`fixture ${dir}`, () => {
    const { html, findings } = runFixture(dir);
    const want = expected(dir, 'expected.html', html);
    assert.ok(want !== undefined, `${dir}/expected.html is missing (run with UPDATE_FIXTURES=1)`);
    assert.equal(normaliseHtml(html), normaliseHtml(want));
    const wantFindings = expected(dir, 'findings.txt', findingLines(findings)) ?? '';
    assert.equal(findingLines(findings), wantFindings.trim());
  });
}
