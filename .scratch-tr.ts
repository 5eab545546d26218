import { readFileSync } from 'node:fs';
import { toHtml } from 'hast-util-to-html';
import { build } from './test/transform/helpers.js';
const seed = readFileSync('/work/shared/seeds/002_fca1c55b89e60d33.txt', 'utf8').replace(/^---[\s\S]*?---\n/, '');
const card = `
<div class="nhsuk-card nhsuk-card--care nhsuk-card--care--non-urgent">
  <div class="nhsuk-card--care__heading-container">
    <h3 class="nhsuk-card--care__heading">
      <span role="text"><span class="nhsuk-u-visually-hidden">Please note: </span>Please note</span>
    </h3>
    <span class="nhsuk-card--care__arrow" aria-hidden="true"></span>
  </div>
  <div class="nhsuk-card__content">
    <p>This guide will continue to be updated.</p>

    <p>Second para.</p>
  </div>
</div>
`;
const steps = `
<ol class="app-steps nhsuk-list">
  <li class="app-step">
    <span class="app-step__number" aria-hidden="true">1</span>
    <div class="app-step__body">
      <h3 class="app-step__title">
      <a href="/prm-practice-migration/guide/kick-off">Kick-off meeting</a>
      </h3>
      <p class="app-step__subtitle">Weeks 1 to 2</p>
      <div class="app-step__content">
        <p>Everyone meets. See <a href="/prm-practice-migration/guide/kick-off#agenda">the agenda</a>.</p>

<p>More.</p>
      </div>
    </div>
  </li>
</ol>
`;
const md = seed
  .replace(/\{%- capture beta[\s\S]*?\{%- include carecard[^\n]*/, card)
  .replace(/\{%- include steps[^\n]*/, steps)
  .replace(/\{%-?[\s\S]*?-?%\}/g, '');
const r = build({
  pages: [
    { path: 'guide/index.md', permalink: '/guide', title: 'Introduction', source: seed, markdown: md + '\n\nSee [agenda]({{ site.baseurl }}/guide/kick-off#agenda), [missing](/guide/kick-off#nope), [fb](/feedback), [staging](/staging-copy/guide/kick-off/), [abs](https://nhsconnect.github.io/prm-practice-migration/guide/kick-off#agenda), [rel](guide/kick-off), [local](#information-governance), [pdf](/assets/x.pdf), [gone](/guide/gone).\n' },
    { path: 'guide/02-kick-off.md', permalink: '/guide/kick-off', title: 'Kick-off meeting', source: '## Agenda\n\n#### Deep\n\n## Information Governance {#information-governance}\n\nx\n' },
    { path: 'feedback.md', permalink: '/feedback', title: 'Feedback', source: 'hi' },
  ],
  order: ['guide/index.md', 'guide/02-kick-off.md'],
});
for (const c of [...r.handbook.chapters, ...r.handbook.appendices]) {
  console.log('=====', c.id, c.title, JSON.stringify(c.outline));
  console.log(toHtml(c.body));
}
for (const f of r.findings) console.log(f.file, f.line, f.severity, f.code, f.message);
console.log(r.handbook.meta);
