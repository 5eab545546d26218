import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  all,
  outsideTables,
  paragraphs,
  render,
  styleOf,
  textOf,
  type Package,
} from './helpers.js';
import { IG_ENTRY_COUNT, IG_NOLINK_TITLE, sampleHandbook } from './sample-handbook.js';
import { checkDocx, headingOutline } from './docx-check.js';

let pkg: Package;
let doc: string;

before(async () => {
  pkg = await render();
  doc = pkg.part('word/document.xml');
});

describe('styles.xml', () => {
  it('defines every handbook style once', () => {
    const styles = pkg.part('word/styles.xml');
    const ids = all(styles, /w:styleId="([^"]+)"/g);
    for (const id of [
      'Title',
      'Subtitle',
      'Heading1',
      'Heading2',
      'Heading3',
      'Heading4',
      'Normal',
      'ListParagraph',
      'CareCard',
      'CareCardHeading',
      'Inset',
      'StepTitle',
      'Hyperlink',
      'HandbookTable',
      'TOC1',
      'TOC2',
    ]) {
      assert.equal(ids.filter((x) => x === id).length, 1, `style ${id} defined once`);
    }
  });

  it('sets en-GB and the body font in the document defaults', () => {
    const defaults =
      /<w:docDefaults>.*?<\/w:docDefaults>/s.exec(pkg.part('word/styles.xml'))?.[0] ?? '';
    assert.match(defaults, /<w:lang [^>]*w:val="en-GB"/);
    assert.match(defaults, /w:ascii="Arial"/);
    assert.match(defaults, /<w:sz w:val="22"\/>/);
  });

  it('gives headings outline levels and boxes shading and borders', () => {
    const styles = pkg.part('word/styles.xml');
    const style = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, 's').exec(styles)?.[0] ?? '';
    for (let l = 1; l <= 4; l++)
      assert.match(style(`Heading${l}`), new RegExp(`<w:outlineLvl w:val="${l - 1}"/>`));
    for (const id of ['CareCard', 'Inset']) {
      assert.match(style(id), /<w:shd /, `${id} shaded`);
      assert.match(style(id), /<w:pBdr>/, `${id} bordered`);
    }
    assert.match(style('HandbookTable'), /<w:tblBorders>/);
  });
});

describe('document.xml', () => {
  it('passes every condition of the independent check (docx-check.ts)', () => {
    const failed = checkDocx(pkg.bytes).filter((c) => !c.ok);
    assert.deepEqual(
      failed.map((c) => `${c.condition}: ${c.detail ?? ''}`),
      [],
    );
  });

  it('has a heading outline down to level 4 (no skips: checked above)', () => {
    const levels = headingOutline(pkg.bytes).map((h) => h.level);
    assert.ok(levels.length >= 8);
    assert.equal(levels[0], 1);
    assert.ok(levels.includes(4));
  });

  it('has a contents: one hyperlinked entry per heading, its page a dirty PAGEREF field', () => {
    const entries = paragraphs(doc).filter((p) => /^TOC\d$/.test(styleOf(p) ?? ''));
    const hb = sampleHandbook();
    assert.ok(entries.length >= hb.chapters.length + hb.appendices.length);
    const titles = entries.map(textOf);
    assert.ok(titles.includes('Introduction') && titles.includes('Data checking'));
    assert.ok(titles.includes('Appendix A: Information Governance references'));
    assert.ok(!titles.includes('Who checks what'), 'level 4 is not in a 1-3 contents');
    const bookmarks = new Set(all(doc, /<w:bookmarkStart w:name="([^"]+)"/g));
    for (const e of entries) {
      const anchor = /w:anchor="([^"]+)"/.exec(e)?.[1];
      assert.ok(anchor && bookmarks.has(anchor), `entry ${textOf(e)} → ${anchor}`);
      assert.match(e, new RegExp(`PAGEREF ${anchor} \\\\h`));
      assert.match(e, /<w:fldChar w:fldCharType="begin" w:dirty="true"\/>/);
      assert.equal((e.match(/w:fldCharType="begin"/g) ?? []).length, 1);
      assert.equal((e.match(/w:fldCharType="end"/g) ?? []).length, 1);
    }
    // Word updates the page references when it opens the file.
    assert.match(pkg.part('word/settings.xml'), /<w:updateFields(?: w:val="(?:true|1|on)")?\/>/);
  });

  it('links internal anchors to bookmarks, including across chapters', () => {
    const names = all(doc, /<w:bookmarkStart w:name="([^"]+)"/g);
    assert.equal(new Set(names).size, names.length, 'bookmark names unique');
    for (const n of names) assert.match(n, /^[A-Za-z][A-Za-z0-9_]{0,39}$/);
    const anchors = all(
      outsideTables(doc).replace(/<w:sdt>.*?<\/w:sdt>/s, ''),
      /w:anchor="([^"]+)"/g,
    );
    assert.ok(anchors.includes('h_data_checking'), 'cross-chapter link');
    assert.ok(anchors.includes('h_appendix_a_information_governance_refe'));
    for (const a of anchors) assert.ok(names.includes(a), `anchor ${a} has a bookmark`);
  });

  it('makes external links relationships with TargetMode External', () => {
    const rels = pkg.part('word/_rels/document.xml.rels');
    const ids = all(doc, /<w:hyperlink [^>]*r:id="([^"]+)"/g);
    assert.ok(ids.length >= IG_ENTRY_COUNT);
    for (const id of ids) assert.match(rels, new RegExp(`Id="${id}"[^>]*TargetMode="External"`));
    assert.match(rels, /Target="https:\/\/www\.datadictionary\.nhs\.uk\/\?a=1&amp;b=2"/);
  });

  it('ends with the IG appendix: every entry, its URL, and the one without a link', () => {
    const ps = paragraphs(doc);
    const at = ps.findIndex(
      (p) =>
        textOf(p) === 'Appendix A: Information Governance references' && styleOf(p) === 'Heading1',
    );
    assert.ok(at > 0);
    const refs = ps.slice(at + 1).filter((p) => styleOf(p) === 'Reference');
    assert.equal(refs.length, IG_ENTRY_COUNT);
    assert.equal(refs.filter((p) => /<w:hyperlink [^>]*r:id=/.test(p)).length, IG_ENTRY_COUNT - 1);
    assert.ok(
      refs.some(
        (p) => textOf(p).startsWith(IG_NOLINK_TITLE) && textOf(p).includes('(no link available)'),
      ),
    );
    assert.ok(refs.some((p) => textOf(p).includes('http://www.legislation.gov.uk/ukpga/1990/23')));
    assert.equal(
      new Set(refs.map((p) => /<w:numId w:val="(\d+)"/.exec(p)?.[1])).size,
      1,
      'one numbered list',
    );
  });

  it('marks table header rows to repeat and keeps cell text', () => {
    assert.ok((doc.match(/<w:tblHeader\/>/g) ?? []).length >= 2);
    assert.match(doc, /<w:tblStyle w:val="HandbookTable"\/>/);
    assert.ok(paragraphs(doc).some((p) => textOf(p) === 'Appointments and registrations'));
  });

  it('embeds images with alt text and prints the alt text of a missing one', () => {
    const descrs = all(doc, /<wp:docPr [^>]*descr="([^"]*)"/g);
    assert.deepEqual(descrs.sort(), [
      'Roles in a migration',
      'Timeline of the data checking phase',
    ]);
    assert.ok(Object.keys(pkg.files).some((n) => n.startsWith('word/media/')));
    assert.ok(
      paragraphs(doc).some((p) => textOf(p).includes('Diagram that is not in the sources')),
    );
  });

  it('restarts numbering for each numbered list', () => {
    const ps = paragraphs(doc);
    const numOf = (text: string) =>
      /<w:numId w:val="(\d+)"/.exec(ps.find((p) => textOf(p) === text) ?? '')?.[1];
    const a = numOf('Place the order.');
    const b = numOf('First check.');
    assert.ok(a && b && a !== b);
    const numbering = pkg.part('word/numbering.xml');
    for (const id of [a, b])
      assert.match(
        numbering,
        new RegExp(`<w:num w:numId="${id}">.*?<w:startOverride w:val="1"/>`, 's'),
      );
  });

  it('indents list continuation paragraphs without a bullet', () => {
    const p = paragraphs(doc).find((x) => textOf(x).startsWith('The lead owns the plan'));
    assert.ok(p);
    assert.doesNotMatch(p, /<w:numPr>/);
    // The indent comes from the List Continue style, not direct formatting.
    assert.equal(styleOf(p), 'ListContinue');
    assert.doesNotMatch(p, /<w:ind /);
    assert.match(
      /<w:style [^>]*w:styleId="ListContinue".*?<\/w:style>/s.exec(
        pkg.part('word/styles.xml'),
      )?.[0] ?? '',
      /<w:ind w:left="720"\/>/,
    );
  });

  it('renders components: care card with visible label, inset lead-in, steps, action URL, broken link', () => {
    const ps = paragraphs(doc);
    const heading = ps.find((p) => styleOf(p) === 'CareCardHeading');
    assert.equal(textOf(heading ?? ''), 'Important: Please note');
    assert.match(heading ?? '', /<w:keepNext\/>/);
    const inset = ps.find((p) => styleOf(p) === 'Inset');
    assert.equal(textOf(inset ?? ''), 'Recommendation: Keep a copy of every signed form.');
    const steps = ps.filter((p) => styleOf(p) === 'StepTitle');
    assert.deepEqual(steps.map(textOf), ['Decision to migrate', 'Ordering']);
    assert.ok(steps.every((p) => /<w:numPr>/.test(p)));
    assert.ok(
      ps.some(
        (p) =>
          styleOf(p) === 'ActionLink' && textOf(p).includes('https://forms.example.nhs.uk/survey'),
      ),
    );
    const contacts = ps.find((p) => textOf(p).startsWith('See the old contacts page'));
    assert.ok(contacts && !/old contacts page<\/w:t><\/w:r><\/w:hyperlink>/.test(contacts));
  });

  it('leaves no contents placeholder behind (empty paragraphs, residue: checked above)', () => {
    assert.doesNotMatch(doc, /<w:p\/>/);
    for (const part of ['word/document.xml', 'word/header1.xml', 'word/footer1.xml'])
      assert.doesNotMatch(pkg.part(part), /HB_TOC_FIELD_PLACEHOLDER/);
  });

  it('keeps a list inside a care card in the same box (same indent as the card text)', () => {
    const card = paragraphs(doc).filter((p) => styleOf(p) === 'CareCard');
    const item = card.find((p) => textOf(p).startsWith('Check the framework pages'));
    const text = card.find((p) => textOf(p).startsWith('This guide will continue'));
    assert.ok(item && text);
    assert.match(item, /<w:numPr>/);
    // The text takes the card's indent from the style; the list item repeats it directly
    // (a list's own indent would win), so both sit in one box.
    const ind = (p: string) => /<w:ind [^>]*\/>/.exec(p)?.[0];
    assert.equal(ind(text), undefined);
    assert.match(ind(item) ?? '', /w:left="170"/);
    const cardStyle =
      /<w:style [^>]*w:styleId="CareCard".*?<\/w:style>/s.exec(pkg.part('word/styles.xml'))?.[0] ??
      '';
    assert.match(cardStyle, /<w:ind w:left="170"/);
    assert.match(item, /<w:tab w:val="left" w:pos="530"\/>/);
  });

  it('lists Version history in the contents, linked to its heading', () => {
    assert.ok(
      paragraphs(doc).some((p) => textOf(p) === 'Version history' && styleOf(p) === 'TOC2'),
    );
  });
});

describe('component headings', () => {
  it('give step titles and card headings outline levels, and keep them out of the contents', () => {
    const ps = paragraphs(doc);
    const level = (p: string) => /<w:outlineLvl w:val="(\d)"\/>/.exec(p)?.[1];
    const components = ps.filter((p) =>
      ['StepTitle', 'CareCardHeading'].includes(styleOf(p) ?? ''),
    );
    assert.deepEqual(components.map(textOf), [
      'Important: Please note',
      'Decision to migrate',
      'Ordering',
    ]);
    // h3 in the tree: level 3, outline level 2, under their Heading 2 in the Navigation Pane.
    assert.deepEqual(components.map(level), ['2', '2', '2']);
    const contents = ps.filter((p) => /^TOC\d$/.test(styleOf(p) ?? '')).map(textOf);
    for (const c of components) assert.ok(!contents.includes(textOf(c)), `${textOf(c)} not listed`);
    // Styles: no outline level of their own, so nothing but the tree's level applies.
    const styles = pkg.part('word/styles.xml');
    for (const id of ['StepTitle', 'CareCardHeading'])
      assert.doesNotMatch(
        new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, 's').exec(styles)?.[0] ?? '',
        /outlineLvl/,
      );
  });

  it('styles step text, strong and emphasis, and spaces every box from what follows', () => {
    const styles = pkg.part('word/styles.xml');
    const style = (id: string) =>
      new RegExp(`<w:style [^>]*w:styleId="${id}".*?</w:style>`, 's').exec(styles)?.[0] ?? '';
    const stepText = paragraphs(doc).find((p) => textOf(p).startsWith('The practice decides'));
    assert.equal(styleOf(stepText ?? ''), 'StepText');
    assert.match(style('Strong'), /w:type="character"/);
    assert.match(style('Emphasis'), /w:type="character"/);
    assert.match(doc, /<w:rStyle w:val="Strong"\/><\/w:rPr><w:t[^>]*>practices</);
    assert.match(
      doc,
      /<w:rStyle w:val="Emphasis"\/><\/w:rPr><w:t[^>]*>Commissioning Clinical Groups</,
    );
    for (const id of ['CareCard', 'Inset'])
      assert.ok(
        Number(/<w:spacing [^>]*w:after="(\d+)"/.exec(style(id))?.[1]) > 0,
        `${id} space after`,
      );
  });
});
