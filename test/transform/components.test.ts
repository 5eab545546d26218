import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toHtml } from 'hast-util-to-html';
import { build } from './helpers.js';

/** What the site's own NHS.UK partials (content/_includes) produce after Liquid. */
const NHS_CARD = `<div class="nhsuk-card nhsuk-card--care nhsuk-card--care--non-urgent">
  <div class="nhsuk-card--care__heading-container">
    <h3 class="nhsuk-card--care__heading">
      <span role="text"><span class="nhsuk-u-visually-hidden">Important: </span>Please note</span>
    </h3>
    <span class="nhsuk-card--care__arrow" aria-hidden="true"></span>
  </div>
  <div class="nhsuk-card__content">
    <p>Processes are still being finalised.</p>

    <p>Check with your delivery partner.</p>
  </div>
</div>`;

const NHS_INSET = `<div class="nhsuk-inset-text">
  <span class="nhsuk-u-visually-hidden">Lesson learnt: </span>
  <p>Request the extract early.</p>
</div>`;

const NHS_STEPS = `<ol class="app-steps nhsuk-list">
  <li class="app-step">
    <span class="app-step__number" aria-hidden="true">1</span>
    <div class="app-step__body">
      <h3 class="app-step__title">
      <a href="/prm-practice-migration/guide/kick-off">Kick-off meeting</a>
      </h3>
      <p class="app-step__subtitle">Weeks 1 to 2</p>
      <div class="app-step__content">
        <p>Everyone meets.</p>
      </div>
    </div>
  </li>
</ol>`;

const NHS_BUTTON = `<a class="nhsuk-button" href="/prm-practice-migration/guide" draggable="false">
  Read the guide
</a>`;

const NHS_ACTION = `<div class="nhsuk-action-link">
  <a class="nhsuk-action-link__link" href="https://example.org/survey" target="_blank" rel="noopener noreferrer">
    <svg class="nhsuk-icon" aria-hidden="true" width="36" height="36"><path d="M0 0h24v24H0z"></path></svg>
    <span class="nhsuk-action-link__text">Share feedback using our survey</span>
  </a>
</div>`;

const LABEL = '<span class="hb-visually-hidden hb-label" data-hb-label="hidden">';

function render(markdown: string): string {
  const { handbook } = build({
    pages: [
      {
        path: 'guide/index.md',
        permalink: '/guide',
        title: 'Introduction',
        source: '(includes)',
        markdown,
      },
      {
        path: 'guide/kick-off.md',
        permalink: '/guide/kick-off',
        title: 'Kick-off meeting',
        source: 'x',
      },
    ],
  });
  return toHtml(handbook.chapters[0]!.body).replace(/>\s+</g, '><').trim();
}

test('an NHS.UK care card becomes aside.hb-card with its hidden label', () => {
  assert.equal(
    render(`## Section\n\n${NHS_CARD}\n`),
    '<h2 id="section">Section</h2><aside class="hb-card"><h3 class="hb-card__heading" data-hb-outline="false">' +
      `${LABEL}Important: </span>Please note</h3>` +
      '<div class="hb-card__content"><p>Processes are still being finalised.</p><p>Check with your delivery partner.</p></div></aside>',
  );
});

test('the hidden label is left out when it repeats the heading', () => {
  const out = render(NHS_CARD.replace('Important: ', 'Please note: '));
  assert.doesNotMatch(out, /hb-visually-hidden/);
  assert.match(out, /data-hb-outline="false">Please note<\/h2>/);
});

test('an NHS.UK inset becomes div.hb-inset with role=note', () => {
  assert.equal(
    render(NHS_INSET),
    `<div class="hb-inset" role="note">${LABEL}Lesson learnt: </span>` +
      '<div class="hb-inset__content"><p>Request the extract early.</p></div></div>',
  );
});

test('the site’s steps become ol.hb-steps with linked titles', () => {
  assert.equal(
    render(`## Key phases\n\n${NHS_STEPS}\n`),
    '<h2 id="key-phases">Key phases</h2><ol class="hb-steps"><li class="hb-step">' +
      '<h3 class="hb-step__title" data-hb-outline="false"><a href="#kick-off">Kick-off meeting</a></h3>' +
      '<p class="hb-step__subtitle">Weeks 1 to 2</p><div class="hb-step__content"><p>Everyone meets.</p></div></li></ol>',
  );
});

test('buttons and action links become plain links in p.hb-action', () => {
  assert.equal(
    render(`${NHS_BUTTON}\n`),
    '<p class="hb-action"><a href="#introduction">Read the guide</a></p>',
  );
  assert.equal(
    render(`${NHS_ACTION}\n`),
    '<p class="hb-action"><a href="https://example.org/survey">Share feedback using our survey</a></p>',
  );
});

test('the toolchain’s own hb- markup passes through unchanged', () => {
  const own =
    '<aside class="hb-card"><h3 class="hb-card__heading">Please note</h3><div class="hb-card__content"><p>x</p></div></aside>' +
    '<div class="hb-inset" role="note"><span class="hb-visually-hidden">Recommendation: </span><div class="hb-inset__content"><p>y</p></div></div>' +
    '<p class="hb-action"><a href="https://example.org/">Go</a></p>';
  assert.equal(
    render(`${own}\n`),
    own
      .replace('<span class="hb-visually-hidden">', LABEL)
      .replace(
        '<h3 class="hb-card__heading">',
        '<h2 class="hb-card__heading" data-hb-outline="false">',
      )
      .replace('</h3>', '</h2>'),
  );
});

test('the label rule: dropped when the content’s first words already say it', () => {
  const repeat = NHS_INSET.replace(
    'Request the extract early.',
    'Lesson learnt - request the extract early.',
  );
  const out = render(repeat);
  assert.doesNotMatch(out, /hb-label|hb-visually-hidden/);
  assert.match(out, /<p>Lesson learnt - request the extract early\.<\/p>/);
  // Whole words only: "Notes" does not repeat the label "Note".
  const notes = NHS_INSET.replace('Lesson learnt: ', 'Note: ').replace(
    'Request the extract early.',
    'Notes are kept.',
  );
  assert.match(render(notes), /data-hb-label="hidden">Note: <\/span>/);
});

test('the label rule applies to the toolchain’s own markup too (one decision, in the transform)', () => {
  const card =
    '<aside class="hb-card"><h3 class="hb-card__heading"><span class="hb-visually-hidden">Important: </span>Important - read first</h3><div class="hb-card__content"><p>x</p></div></aside>' +
    '<div class="hb-inset" role="note"><span class="hb-visually-hidden">Recommendation: </span><div class="hb-inset__content"><p><strong>Recommendation:</strong> keep a copy.</p></div></div>';
  const out = render(`${card}\n`);
  assert.doesNotMatch(out, /hb-label|hb-visually-hidden/);
  const headless =
    '<aside class="hb-card"><span class="hb-visually-hidden">Important: </span><div class="hb-card__content"><p>Back up first.</p></div></aside>';
  assert.match(
    render(`${headless}\n`),
    /<aside class="hb-card"><span class="hb-visually-hidden hb-label" data-hb-label="hidden">Important: <\/span>/,
  );
});
