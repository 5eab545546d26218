/**
 * A realistic Handbook, built by hand as the transform would produce it (component markup of
 * docs/ARCHITECTURE.md, ids unique, internal links `#id`). Shared with the PDF tests: call
 * `sampleHandbook()` for a fresh copy, and pass `SAMPLE_ASSETS_ROOT` as the assets root so the
 * site-root image `/img/timeline.svg` resolves.
 */
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import type { Chapter, Handbook, OutlineEntry } from '../../src/model.js';

export const SAMPLE_ASSETS_ROOT = fileURLToPath(new URL('./assets', import.meta.url));

/** A 24×24 PNG (a blue dot), small enough to keep inline in the source. */
const DOT_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABgAAAAYCAIAAABvFaqvAAAAW0lEQVR4nO3UMQoAIAgF0H/SztntaotQEa1POCRNqW9SMUgBL9e6eDlI90dECUUU08KZoi0cK8LCjbJbNaEbZVkfegzVmyMmRFta5hlhHra4ZXTpL0f0ip1cKibya97uQ5wS+wAAAABJRU5ErkJggg==';

export const LONG_URL =
  'https://digital.nhs.uk/data-and-information/looking-after-information/data-security-and-information-governance/codes-of-practice-for-handling-information-in-health-and-care/records-management-code-of-practice-for-health-and-social-care-2016';

const o = (id: string, title: string, level: number, children: OutlineEntry[] = []) => ({
  id,
  title,
  level,
  children,
});

function chapter(c: Omit<Chapter, 'body' | 'kind'> & { html: string; kind?: Chapter['kind'] }) {
  const { html, kind = 'chapter', ...rest } = c;
  return { ...rest, kind, body: fromHtml(html.trim(), { fragment: true }) } satisfies Chapter;
}

const introduction = chapter({
  id: 'introduction',
  title: 'Introduction',
  source: 'guide/index.md',
  permalink: '/guide',
  outline: [
    o('how-long-does-a-migration-take', 'How long does a migration take?', 2),
    o('overview-of-key-phases', 'Overview of key phases', 2),
  ],
  html: `
<p>This guide aims to help <strong>practices</strong>, <strong>GP IT delivery partners</strong> (referred to as ‘delivery partner’ throughout the guide) and <strong>Clinical Commissioning Groups</strong> (CCGs) plan and implement migrations from one foundation system to another, under the <a href="https://digital.nhs.uk/services/future-gp-it-systems-and-services">GP IT Futures framework</a>.</p>
<p>This is a generic guide and may not cover everything that happens in your migration. It can be used with any deployment schedules issued by your new supplier and with the <a href="#information-governance-references">Information Governance references</a> at the end of this handbook.</p>
<aside class="hb-card">
  <h2 class="hb-card__heading" data-hb-outline="false"><span class="hb-visually-hidden">Important: </span>Please note</h2>
  <div class="hb-card__content"><p>This guide will continue to be updated as the GP IT Futures framework develops and matures.</p></div>
</aside>
<h2 id="how-long-does-a-migration-take">How long does a migration take?</h2>
<p>The end to end migration process takes between 12 and 16 weeks, from placing the order for the new system to the end of the post go-live period.</p>
<figure>
  <img src="/img/timeline.svg" alt="A timeline from the order in week 0, through kick-off and data checks, to go-live and closure in week 16">
  <figcaption>Figure 1. A typical 16-week migration.</figcaption>
</figure>
<h2 id="overview-of-key-phases">Overview of key phases</h2>
<p>Migrations require a lot of planning and effort from practice staff. Breaking the work into smaller steps makes it easier to manage.</p>
<ol class="hb-steps">
  <li class="hb-step">
    <h3 class="hb-step__title" data-hb-outline="false"><a href="#decision-to-migrate-and-funding">Decision to migrate and funding</a></h3>
    <p class="hb-step__subtitle">Practice and CCG</p>
    <div class="hb-step__content"><p>The practice makes a business case naming the preferred system; the CCG assesses it and, if approved, funds the migration.</p></div>
  </li>
  <li class="hb-step">
    <h3 class="hb-step__title" data-hb-outline="false"><a href="#ordering-the-new-system">Ordering the new system</a></h3>
    <div class="hb-step__content"><p>The CCG or delivery partner places the order; the new supplier accepts it and proposes a schedule of key dates.</p></div>
  </li>
  <li class="hb-step">
    <h3 class="hb-step__title" data-hb-outline="false">Kick-off meeting</h3>
    <p class="hb-step__subtitle">Everyone involved</p>
    <div class="hb-step__content"><p>Agree milestones, dates, roles, communication, risks (clinical risk assessment, hazard log) and rollback scenarios.</p></div>
  </li>
  <li class="hb-step">
    <h3 class="hb-step__title" data-hb-outline="false"><a href="#initial-data-production">Initial data production</a></h3>
    <div class="hb-step__content"><p>A copy of the current data is loaded into a test version of the new system.</p></div>
  </li>
  <li class="hb-step">
    <h3 class="hb-step__title" data-hb-outline="false"><a href="#data-checking">Data checking</a></h3>
    <div class="hb-step__content"><p>The practice compares selected patient records and reports between the two systems. Plan 3 to 5 days for each phase.</p></div>
  </li>
</ol>
`,
});

const getStarted = chapter({
  id: 'get-started',
  title: 'Get started',
  subtitle: 'How to start your migration',
  source: 'guide/01-get-started.md',
  permalink: '/guide/get-started',
  outline: [
    o('decision-to-migrate-and-funding', 'Decision to migrate and funding', 2, [
      o('business-case', 'Business case', 3),
      o('funding', 'Funding', 3),
    ]),
    o('ordering-the-new-system', 'Ordering the new system', 2),
  ],
  html: `
<p>Before anything else, the practice and its CCG agree that a migration is the right choice. The <a href="https://digital.nhs.uk/services/future-gp-it-systems-and-services/gp-it-futures-catalogue-solution-migration-process">GP IT Futures Catalogue Solution Migration Process</a> sets out the service levels (SLAs) that apply.</p>
<h2 id="decision-to-migrate-and-funding">Decision to migrate and funding</h2>
<h3 id="business-case">Business case</h3>
<p>The practice writes a business case that names the preferred system and explains why it is needed. See the <span class="hb-broken-link">business case template</span> for a starting point.</p>
<ul>
  <li>the current system and its contract end date</li>
  <li>the preferred foundation solution
    <ul><li>its modules</li><li>any third-party software it replaces</li></ul>
  </li>
  <li>the expected benefits for patients and staff</li>
</ul>
<h3 id="funding">Funding</h3>
<p>The CCG assesses the business case and, if approved, funds the migration. Records management follows the <a href="${LONG_URL}">Records Management Code of Practice</a>.</p>
<div class="hb-inset" role="note">
  <span class="hb-visually-hidden">Lesson learnt: </span>
  <div class="hb-inset__content"><p>Practices that involved their delivery partner while writing the business case found fewer surprises in the <a href="#data-checking">data checking</a> phase.</p></div>
</div>
<h2 id="ordering-the-new-system">Ordering the new system</h2>
<p>The CCG or delivery partner orders the new system. The new supplier accepts the order and proposes key dates.</p>
<table>
  <thead><tr><th>Activity</th><th>Owner</th><th>When</th></tr></thead>
  <tbody>
    <tr><td>Place the order</td><td>CCG or delivery partner</td><td>Week 0</td></tr>
    <tr><td>Accept the order and propose key dates</td><td>New supplier</td><td>Within 5 working days</td></tr>
    <tr><td>Request the data extract</td><td>Practice</td><td>Up to 5 weeks before initial data production</td></tr>
  </tbody>
</table>
<p><img src="${DOT_PNG}" alt="Milestone"> Milestones are confirmed at the kick-off meeting.</p>
`,
});

const dataChecking = chapter({
  id: 'initial-data-production',
  title: 'Initial data production and data checking',
  source: 'guide/04-initial-data-production.md',
  permalink: '/guide/initial-data-production',
  outline: [
    o('idp', 'Initial data production (IDP)', 2),
    o('data-checking', 'Data checking', 2, [
      o('patient-records', 'Patient records', 3),
      o('reports', 'Reports', 3),
    ]),
  ],
  html: `
<h2 id="idp">Initial data production (IDP)</h2>
<p>A copy of the current data is loaded into a test version of the new system. The requirements are in the <a href="https://digital.nhs.uk/services/future-gp-it-systems-and-services/gp-it-futures-data-migration-standard">GP IT Futures Data Migration Standard</a> (its requirements carry DMI codes).</p>
<h2 id="data-checking">Data checking</h2>
<p>The practice compares records between the two systems and reports every issue to the supplier.</p>
<h3 id="patient-records">Patient records</h3>
<ol>
  <li>Choose up to 20 records from the supplier’s criteria.</li>
  <li>Add some records at random.</li>
  <li>Compare each record field by field; the <a href="https://digital.nhs.uk/services/future-gp-it-systems-and-services/gp-it-futures-data-migration-standard">Data Migration Standard</a> lists what must match.</li>
</ol>
<h3 id="reports">Reports</h3>
<p>Run the same QOF and target reports in both systems. Guidance: <a href="https://www.england.nhs.uk/gp/">https://www.england.nhs.uk/gp/</a>.</p>
<p class="hb-action"><a href="https://forms.example.nhs.uk/migration-feedback">Share feedback using our survey</a></p>
`,
});

const references = chapter({
  id: 'information-governance-references',
  kind: 'appendix',
  label: 'Appendix A',
  title: 'Information Governance references',
  source: 'guide/index.md',
  permalink: '/guide#information-governance',
  outline: [],
  html: `
<p>Everyone handling patient data during a migration must follow these laws, policies and guidance.</p>
<ol class="hb-references">
  <li class="hb-ref"><a href="http://www.legislation.gov.uk/ukpga/1988/28/contents">Access to Medical Reports Act (1988)</a> <span class="hb-ref__url">http://www.legislation.gov.uk/ukpga/1988/28/contents</span></li>
  <li class="hb-ref"><a href="http://www.legislation.gov.uk/ukpga/2006/41/section/251">NHS Act 2006 (Section 251)</a> <span class="hb-ref__note">(previously Section 60 of the Health and Social Care Act 2001)</span> <span class="hb-ref__url">http://www.legislation.gov.uk/ukpga/2006/41/section/251</span></li>
  <li class="hb-ref"><a href="${LONG_URL}">Records Management - NHS Code of Practice</a> <span class="hb-ref__note">(DHSC)</span> <span class="hb-ref__url">${LONG_URL}</span></li>
  <li class="hb-ref hb-ref--nolink">Encryption guidance for health and care organisations <span class="hb-ref__missing">(no link available)</span></li>
</ol>
`,
});

export function sampleHandbook(): Handbook {
  return structuredClone({
    meta: {
      title: 'GP Clinical System Migration Guide',
      subtitle: 'Moving a GP practice from one clinical system to another',
      organisation: 'NHS Digital',
      author: 'GP IT Futures programme',
      language: 'en-GB',
      version: '1.2.0',
      date: '2024-03-01',
    },
    releases: [
      {
        version: '1.0.0',
        date: '2023-06-12',
        summary: 'First handbook release',
        author: 'A. Editor',
        approver: 'B. Lead',
      },
      {
        version: '1.1.0',
        date: '2023-11-20',
        summary: 'Added checklists by role',
        author: 'A. Editor',
      },
      {
        version: '1.2.0',
        date: '2024-03-01',
        summary: 'Data checking chapter rewritten; "cutover" terms aligned',
        author: 'C. Writer',
        approver: 'B. Lead',
      },
    ],
    chapters: [introduction, getStarted, dataChecking],
    appendices: [references],
  });
}
