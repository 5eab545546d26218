import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import type { Chapter } from '../../src/model.js';
import { build, findingsWith, type PageSpec } from './helpers.js';

const kickOff: PageSpec = {
  path: 'guide/02-kick-off.md',
  permalink: '/guide/kick-off',
  title: 'Kick-off meeting',
  source: '## Agenda {#agenda}\n\nText.\n\n## Who should attend\n\nText.\n',
};
const feedback: PageSpec = {
  path: 'feedback.md',
  permalink: '/feedback',
  title: 'Feedback',
  source: 'Tell us.\n',
};

function intro(source: string): PageSpec {
  return {
    path: 'guide/index.md',
    permalink: '/guide',
    title: 'Introduction',
    source: `## Local heading\n\n${source}\n`,
  };
}

function html(ch: Chapter | undefined): string {
  assert.ok(ch);
  return toHtml(ch.body);
}

test('every link form to a guide page or anchor becomes an in-document link', () => {
  const forms = [
    '[a]({{ site.baseurl }}/guide/kick-off#agenda)',
    '[b]( {{site.baseurl}}/guide/kick-off#agenda )',
    '[c](/guide/kick-off)',
    '[d](/guide/kick-off/)',
    '[e](/staging-copy/guide/kick-off#who-should-attend)',
    '[f](https://nhsconnect.github.io/prm-practice-migration/guide/kick-off#agenda)',
    '[g](#local-heading)',
    '[h](guide/kick-off)',
    '[i](/guide/kick-off/index.html)',
    '[j](/prm-practice-migration/guide)',
  ];
  const { handbook, findings } = build({ pages: [intro(forms.join('\n')), kickOff] });
  const out = html(handbook.chapters[0]);
  const hrefs = [...out.matchAll(/<a href="([^"]*)">(\w)<\/a>/g)].map((m) => `${m[2]} ${m[1]}`);
  assert.deepEqual(hrefs, [
    'a #agenda',
    'b #agenda',
    'c #kick-off',
    'd #kick-off',
    'e #who-should-attend',
    'f #agenda',
    'g #local-heading',
    'h #kick-off',
    'i #kick-off',
    'j #introduction',
  ]);
  assert.deepEqual(
    findings.filter((f) => f.code.includes('link')),
    [],
  );
});

test('external links keep their URL; target is dropped', () => {
  const src =
    '[NHS](https://digital.nhs.uk/x) <a href="http://example.org/" target="_blank">ex</a> [m](mailto:a@b.org) [t](tel:+441234)';
  const { handbook } = build({ pages: [intro(src)] });
  const out = html(handbook.chapters[0]);
  assert.match(out, /<a href="https:\/\/digital\.nhs\.uk\/x">NHS<\/a>/);
  assert.match(out, /<a href="http:\/\/example\.org\/">ex<\/a>/);
  assert.match(out, /href="mailto:a@b\.org"/);
  assert.match(out, /href="tel:\+441234"/);
});

test('a missing anchor is an error with file:line and becomes plain text', () => {
  const { handbook, findings } = build({
    pages: [
      intro('See [the data extract]({{ site.baseurl }}/guide/kick-off#no-such-heading).'),
      kickOff,
    ],
  });
  const out = html(handbook.chapters[0]);
  assert.match(out, /<span class="hb-broken-link">the data extract<\/span>/);
  assert.doesNotMatch(out, /no-such-heading/);
  const [f, ...rest] = findingsWith(findings, 'broken-link');
  assert.equal(rest.length, 0);
  // A warning, not an error: the build goes on (plain text), only --strict refuses.
  assert.equal(f?.severity, 'warning');
  assert.equal(f?.file, 'guide/index.md');
  // front matter (4 lines) + "## Local heading" + blank line → line 7
  assert.equal(f?.line, 7);
  assert.match(f?.message ?? '', /no-such-heading/);
});

test('a link to a site page outside the handbook links to the website, with a note', () => {
  const { handbook, findings } = build({
    pages: [intro('Line.\n\n[Send feedback]({{ site.baseurl }}/feedback)'), kickOff, feedback],
    order: ['guide/index.md', 'guide/02-kick-off.md'],
  });
  assert.match(
    html(handbook.chapters[0]),
    /<a href="https:\/\/nhsconnect\.github\.io\/prm-practice-migration\/feedback">Send feedback<\/a>/,
  );
  const [f] = findingsWith(findings, 'link-outside-handbook');
  assert.equal(f?.severity, 'note');
  assert.equal(f?.line, 9);
  assert.match(f?.message ?? '', /Feedback/);
});

test('without a site url, a link to a page outside the handbook is plain text and a warning', () => {
  const { handbook, findings } = build({
    pages: [intro('Line.\n\n[Send feedback]({{ site.baseurl }}/feedback)'), kickOff, feedback],
    order: ['guide/index.md', 'guide/02-kick-off.md'],
    site: { url: '' },
  });
  assert.match(html(handbook.chapters[0]), /<span class="hb-broken-link">Send feedback<\/span>/);
  const [f] = findingsWith(findings, 'link-outside-handbook');
  assert.equal(f?.severity, 'warning');
});

test('a link to no page at all is a broken-link error', () => {
  const { handbook, findings } = build({ pages: [intro('[Gone](/guide/no-such-page)'), kickOff] });
  assert.match(html(handbook.chapters[0]), /<span class="hb-broken-link">Gone<\/span>/);
  const [f] = findingsWith(findings, 'broken-link');
  assert.equal(f?.line, 7);
  assert.match(f?.message ?? '', /no page/);
});

test('a broken link in an included step is reported in the step file', () => {
  const step = {
    path: '_steps/migration-key-phases/03-kick-off.md',
    raw: '---\ntitle: Kick-off\n---\nSee [the plan](/guide/kick-off#plan).\n',
    frontMatter: {},
    body: 'See [the plan](/guide/kick-off#plan).\n',
    bodyLine: 4,
    collection: 'steps',
    data: {},
  };
  const markdown =
    '<ol class="hb-steps"><li class="hb-step"><h3 class="hb-step__title">Kick-off</h3><div class="hb-step__content"><p>See <a href="/prm-practice-migration/guide/kick-off#plan">the plan</a>.</p></div></li></ol>\n';
  const { findings } = build({
    pages: [{ ...intro('{% include steps/steps.html %}'), markdown }, kickOff],
    collections: { steps: [step] },
  });
  const [f] = findingsWith(findings, 'broken-link');
  assert.equal(f?.file, '_steps/migration-key-phases/03-kick-off.md');
  assert.equal(f?.line, 4);
});

test('site files that are not pages link to the website', () => {
  const { handbook, findings } = build({
    pages: [intro('[Template]({{ site.baseurl }}/assets/plan.docx)')],
  });
  assert.match(
    html(handbook.chapters[0]),
    /href="https:\/\/nhsconnect\.github\.io\/prm-practice-migration\/assets\/plan\.docx"/,
  );
  assert.deepEqual(findingsWith(findings, 'broken-link'), []);
});

test('a broken link from an include is reported on the page’s include line', () => {
  const includes = {
    'contact.html': '<p><a href="{{ \'/feedback\' | relative_url }}">Send us feedback</a></p>',
  };
  const source = 'Survey: https://feedback.example.org/form\n\n{% include contact.html %}\n';
  const markdown =
    'Survey: https://feedback.example.org/form\n\n<p><a href="/prm-practice-migration/feedback">Send us feedback</a></p>\n';
  const { findings } = build({
    pages: [{ ...intro(source), markdown }, feedback],
    order: ['guide/index.md'],
    includes,
  });
  const [f] = findingsWith(findings, 'link-outside-handbook');
  assert.equal(f?.file, 'guide/index.md');
  // front matter (4) + heading (5) + blank (6) + survey line (7) + blank (8) → include on 9
  assert.equal(f?.line, 9);
});
