/**
 * A hand-built Handbook tree, shaped as the transform produces it (see docs/ARCHITECTURE.md),
 * so the DOCX renderer can be tested without the rest of the pipeline. The chapter bodies are
 * written as HTML and parsed into hast here — only to build the fixture; the renderer itself
 * never parses HTML.
 */
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'hast';
import type { Chapter, Handbook, OutlineEntry } from '../../src/model.js';

/** A valid 4×2 blue PNG, small enough to inline. */
export const TINY_PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAD0lEQVR42mNgiNuBQMgcAGtKCLFGDBNwAAAAAElFTkSuQmCC';

function body(html: string): Root {
  return fromHtml(html.trim(), { fragment: true });
}

function outline(entries: [string, string, number][]): OutlineEntry[] {
  return entries.map(([id, title, level]) => ({ id, title, level, children: [] }));
}

const introduction: Chapter = {
  id: 'introduction',
  kind: 'chapter',
  title: 'Introduction',
  subtitle: 'What this guide covers and who it is for',
  source: 'guide/index.md',
  permalink: '/guide',
  outline: outline([
    ['information-governance', 'Information Governance', 2],
    ['how-long-does-a-migration-take', 'How long does a migration take?', 2],
    ['overview-of-key-phases', 'Overview of key phases', 2],
  ]),
  body: body(`
<p>This guide aims to help <strong>practices</strong>, <strong>GP IT delivery partners</strong> and
<em>Commissioning Clinical Groups</em> (CCGs) plan and implement migrations.<br>It is a generic guide.</p>
<aside class="hb-card">
  <h3 class="hb-card__heading" data-hb-outline="false"><span class="hb-visually-hidden hb-label" data-hb-label="hidden">Important: </span>Please note</h3>
  <div class="hb-card__content"><p>This guide will continue to be updated as the GP IT Futures framework develops.</p>
  <ul><li>Check the <a href="https://digital.nhs.uk/gp-it-futures">framework pages</a> for news.</li></ul></div>
</aside>
<h2 id="information-governance">Information Governance</h2>
<p>All parties must follow the law; see <a href="#appendix-a-information-governance-references">Appendix A</a>
and the <a href="#data-checking">data checking section</a> of the next chapter.</p>
<h2 id="how-long-does-a-migration-take">How long does a migration take?</h2>
<p>The end to end migration process takes between 12-16 weeks. Run <code>gpit --check</code> first.</p>
<ol>
  <li>Place the order.</li>
  <li>Hold the kick-off meeting.
    <ol><li>Agree the dates.</li><li>Agree the roles.</li></ol>
  </li>
</ol>
<h2 id="overview-of-key-phases">Overview of key phases</h2>
<ol class="hb-steps">
  <li class="hb-step">
    <h3 class="hb-step__title" data-hb-outline="false"><a href="#get-started">Decision to migrate</a></h3>
    <p class="hb-step__subtitle">Weeks 1 to 2</p>
    <div class="hb-step__content"><p>The practice decides to move to a new foundation system.</p></div>
  </li>
  <li class="hb-step">
    <h3 class="hb-step__title" data-hb-outline="false">Ordering</h3>
    <div class="hb-step__content"><p>The practice places the order with the CCG.</p></div>
  </li>
</ol>
<p class="hb-action"><a href="https://forms.example.nhs.uk/survey">Share feedback using our survey</a></p>
`),
};

const getStarted: Chapter = {
  id: 'get-started',
  kind: 'chapter',
  title: 'Get started',
  source: 'guide/01-get-started.md',
  permalink: '/guide/get-started',
  outline: outline([
    ['before-you-begin', 'Before you begin', 2],
    ['data-checking', 'Data checking', 3],
    ['who-checks-what', 'Who checks what', 4],
    ['contacts', 'Contacts', 2],
  ]),
  body: body(`
<h2 id="before-you-begin">Before you begin</h2>
<p>Read these points:</p>
<ul>
  <li><p>Make sure the practice has a <strong>migration lead</strong>.</p>
      <p>The lead owns the plan and is the single point of contact.</p>
    <ul><li>Deputy lead, when the lead is away.</li></ul>
  </li>
  <li>Book the training rooms early.</li>
</ul>
<div class="hb-inset" role="note">
  <span class="hb-visually-hidden hb-label" data-hb-label="hidden">Recommendation: </span>
  <div class="hb-inset__content"><p>Keep a copy of every signed form.</p></div>
</div>
<h3 id="data-checking">Data checking</h3>
<p>Compare the extract with the source system.</p>
<ol><li>First check.</li><li>Second check.</li><li>Third check.</li></ol>
<h4 id="who-checks-what">Who checks what</h4>
<table>
  <thead><tr><th>Role</th><th>Checks</th></tr></thead>
  <tbody>
    <tr><td>Practice manager</td><td>Appointments and <em>registrations</em></td></tr>
    <tr><td>Clinical lead</td><td>Medication and problems</td></tr>
  </tbody>
</table>
<p><img src="data:image/png;base64,${TINY_PNG_BASE64}" alt="Timeline of the data checking phase" width="200" height="100"></p>
<p><img src="/assets/images/roles.png" alt="Roles in a migration"></p>
<p><img src="/assets/images/missing.png" alt="Diagram that is not in the sources"></p>
<h2 id="contacts">Contacts</h2>
<p>See the <span class="hb-broken-link">old contacts page</span> or go back to
<a href="#information-governance">Information Governance</a>.</p>
`),
};

const igAppendix: Chapter = {
  id: 'appendix-a-information-governance-references',
  kind: 'appendix',
  label: 'Appendix A',
  title: 'Information Governance references',
  source: 'guide/index.md',
  permalink: '/guide#information-governance',
  outline: [],
  body: body(`
<ol class="hb-references">
  <li class="hb-ref"><a href="http://www.legislation.gov.uk/ukpga/1988/28/contents">Access to Medical Reports Act (1988)</a> <span class="hb-ref__url">http://www.legislation.gov.uk/ukpga/1988/28/contents</span></li>
  <li class="hb-ref"><a href="http://www.legislation.gov.uk/ukpga/1990/23">Access to Health Records Act (1990)</a> <span class="hb-ref__url">http://www.legislation.gov.uk/ukpga/1990/23</span></li>
  <li class="hb-ref"><a href="http://www.legislation.gov.uk/ukpga/2006/41/section/251">NHS Act 2006 (Section 251)</a> <span class="hb-ref__note">(previously Section 60 of the Health and Social Care Act 2001)</span> <span class="hb-ref__url">http://www.legislation.gov.uk/ukpga/2006/41/section/251</span></li>
  <li class="hb-ref"><a href="https://ico.org.uk/for-organisations/guide-to-data-protection/">General Data Protection Regulation (GDPR)</a> <span class="hb-ref__url">https://ico.org.uk/for-organisations/guide-to-data-protection/</span></li>
  <li class="hb-ref"><a href="http://www.legislation.gov.uk/uksi/1974/29/regulation/2/made">NHS (Venereal Diseases) Regulations (1974)</a> <span class="hb-ref__url">http://www.legislation.gov.uk/uksi/1974/29/regulation/2/made</span></li>
  <li class="hb-ref"><a href="https://www.datadictionary.nhs.uk/?a=1&amp;b=2">NHS Data Dictionary</a> <span class="hb-ref__url">https://www.datadictionary.nhs.uk/?a=1&amp;b=2</span></li>
  <li class="hb-ref"><a href="https://digital.nhs.uk/records-management-code-of-practice">Records Management - NHS Code of Practice</a> <span class="hb-ref__note">(DHSC)</span> <span class="hb-ref__url">https://digital.nhs.uk/records-management-code-of-practice</span></li>
  <li class="hb-ref hb-ref--nolink">Encryption guidance for health and care organisations <span class="hb-ref__missing">(no link available)</span></li>
  <li class="hb-ref"><a href="https://assets.publishing.service.gov.uk/dh_125350.pdf">Chapter 8c of the General Practice GPG</a> <span class="hb-ref__url">https://assets.publishing.service.gov.uk/dh_125350.pdf</span></li>
</ol>
`),
};

/** The number of IG entries above, and the one without a link (for assertions). */
export const IG_ENTRY_COUNT = 9;
export const IG_NOLINK_TITLE = 'Encryption guidance for health and care organisations';

export function sampleHandbook(): Handbook {
  return {
    meta: {
      title: 'GP Clinical System Migration Guide',
      subtitle: 'Moving a GP practice from one foundation system to another',
      organisation: 'NHS Digital',
      description: 'How a GP practice in England moves from one clinical system to another.',
      language: 'en-GB',
      version: '1.0',
      date: '2026-09-15',
    },
    releases: [
      {
        version: '0.9',
        date: '2026-06-01',
        summary: 'Draft for review.',
        author: 'Migration team',
      },
      {
        version: '1.0',
        date: '2026-09-15',
        summary: 'First published version.',
        approver: 'Head of Practice Migration',
      },
    ],
    chapters: [introduction, getStarted],
    appendices: [igAppendix],
  };
}
