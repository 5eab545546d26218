/**
 * The independent checker must be able to fail: each test breaks one thing in a good package
 * and expects exactly that condition to fail.
 */
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { checkDocx } from './docx-check.js';
import { render } from './helpers.js';
import { parseXml } from './xml-walk.js';

let good: Record<string, Uint8Array>;

before(async () => {
  good = unzipSync((await render()).bytes);
});

/** A copy of the good package with `part` rewritten. */
function broken(part: string, edit: (xml: string) => string): Uint8Array {
  const files = { ...good };
  const before = strFromU8(files[part] ?? new Uint8Array());
  const after = edit(before);
  assert.notEqual(after, before, `the edit changes ${part}`);
  files[part] = strToU8(after);
  return zipSync(files);
}

function failing(bytes: Uint8Array): string[] {
  return checkDocx(bytes)
    .filter((c) => !c.ok)
    .map((c) => c.condition);
}

const DOC = 'word/document.xml';
const cases: [string, string, (xml: string) => string, RegExp][] = [
  [
    'docProps/core.xml',
    'an empty title',
    (x) => x.replace(/<dc:title>[^<]*/, '<dc:title>'),
    /^title/,
  ],
  [
    'word/styles.xml',
    'another language',
    (x) => x.replace(/(<w:docDefaults>.*?<w:lang [^>]*w:val=")en-GB/s, '$1en-US'),
    /style defaults/,
  ],
  [
    'docProps/core.xml',
    'no dc:language',
    (x) => x.replace(/<dc:language>[^<]*<\/dc:language>/, ''),
    /core properties$/,
  ],
  [
    DOC,
    'a skipped heading level',
    (x) => x.replace('<w:pStyle w:val="Heading2"/>', '<w:pStyle w:val="Heading3"/>'),
    /^Heading styles/,
  ],
  [
    DOC,
    'a contents entry missing',
    (x) => x.replace(/<w:p><w:pPr><w:pStyle w:val="TOC2"\/>.*?<\/w:p>/s, ''),
    /^contents lists/,
  ],
  [
    DOC,
    'a contents entry without its page reference',
    (x) => x.replace(/> PAGEREF h_get_started [^<]*</, '> PAGE <'),
    /^contents entries have page/,
  ],
  [
    DOC,
    'a hyperlink without an external relationship',
    (x) => x.replace(/(<w:hyperlink [^>]*r:id=")[^"]+/, '$1rIdNone'),
    /^external hyperlinks/,
  ],
  [
    DOC,
    'a dead internal link',
    (x) => x.replace(/(<w:hyperlink w:anchor=")h_data_checking/, '$1h_nowhere'),
    /^(internal hyperlinks|bookmarks unique)/,
  ],
  [
    DOC,
    'an image without alt text',
    (x) => x.replace(/(<wp:docPr [^>]*descr=")[^"]+/, '$1'),
    /^images have alt text/,
  ],
  [
    DOC,
    'a table without a header row',
    (x) => x.replace('<w:tblHeader/>', ''),
    /^table header rows/,
  ],
  [
    DOC,
    'Liquid residue',
    (x) => x.replace('It is a generic guide.', 'It is a generic guide {{ page.title }}.'),
    /residue/,
  ],
  [
    DOC,
    'an editorial note',
    (x) => x.replace('It is a generic guide.', 'It is a generic guide. [GAP] to do'),
    /residue/,
  ],
  [
    DOC,
    'no IG appendix heading',
    (x) => x.replaceAll('Information Governance references', 'References'),
    /^Appendix/,
  ],
  [
    DOC,
    'the IG entry without a link dropped',
    (x) => x.replace(/<w:p>(?:(?!<\/w:p>).)*?Encryption guidance.*?<\/w:p>/s, ''),
    /^Appendix/,
  ],
  ['word/footer1.xml', 'no PAGE field', (x) => x.replace(/> ?PAGE ?</, '> DATE <'), /^footer/],
  [
    DOC,
    'an empty paragraph for spacing',
    (x) => x.replace('<w:body>', '<w:body><w:p><w:pPr><w:spacing w:after="240"/></w:pPr></w:p>'),
    /^no empty paragraphs/,
  ],
  [
    DOC,
    'w:pPr children out of schema order',
    (x) =>
      x.replace(
        '<w:pPr><w:pStyle w:val="Heading2"/>',
        '<w:pPr><w:keepNext/><w:pStyle w:val="Heading2"/>',
      ),
    /^schema child order/,
  ],
  [
    'word/styles.xml',
    'a basedOn to an undefined style',
    (x) =>
      x.replace(/(w:styleId="Strong">.*?<w:basedOn w:val=")DefaultParagraphFont/s, '$1NoSuchFont'),
    /^style references/,
  ],
  [
    'word/styles.xml',
    'Strong as a paragraph style',
    (x) =>
      x.replace('w:type="character" w:styleId="Strong"', 'w:type="paragraph" w:styleId="Strong"'),
    /^(style references|chapter breaks and emphasis)/,
  ],
  [
    'word/styles.xml',
    'Heading 1 without its page break',
    (x) => x.replace(/(w:styleId="Heading1">.*?)<w:pageBreakBefore\/>/s, '$1'),
    /^chapter breaks/,
  ],
  [
    DOC,
    'a chapter break as direct formatting',
    (x) =>
      x.replace(
        '<w:pPr><w:pStyle w:val="Heading2"/>',
        '<w:pPr><w:pStyle w:val="Heading2"/><w:pageBreakBefore/>',
      ),
    /^chapter breaks/,
  ],
  [
    DOC,
    'a bookmark name used twice',
    (x) =>
      x.replace(/(<w:bookmarkStart w:name=")h_get_started(" w:id="\d+"\/>)/, '$1h_introduction$2'),
    /^(bookmarks unique|internal hyperlinks|contents entries)/,
  ],
  [
    DOC,
    'a field never ended',
    (x) =>
      x.replace(
        /(PAGEREF h_get_started [^<]*<\/w:instrText><\/w:r><w:r><w:fldChar w:fldCharType="separate"\/><\/w:r>)<w:r><w:fldChar w:fldCharType="end"\/><\/w:r>/,
        '$1',
      ),
    /^fields well-formed/,
  ],
  [
    'word/header2.xml',
    'the running head on the cover',
    (x) =>
      x.replace(
        /<w:p>(<w:pPr>.*?<\/w:pPr>)?<\/w:p>|<w:p><w:pPr>(.*?)<\/w:pPr><\/w:p>/,
        '<w:p><w:r><w:t>GP Clinical System Migration Guide</w:t></w:r></w:p>',
      ),
    /^cover page/,
  ],
  [
    DOC,
    'an inset that repeats its label',
    (x) =>
      x.replace(
        'Keep a copy of every signed form.',
        'Recommendation - keep a copy of every signed form.',
      ),
    /^no box repeats its label/,
  ],
  [DOC, 'malformed XML', (x) => x.replace('</w:body>', '</w:bdy>'), /^package/],
];

describe('checkDocx', () => {
  it('passes the sample handbook', () => {
    assert.deepEqual(failing(zipSync(good)), []);
  });

  for (const [part, what, edit, condition] of cases) {
    it(`fails on ${what}`, () => {
      const failed = failing(broken(part, edit));
      assert.ok(failed.length >= 1, `${what}: something fails`);
      assert.ok(
        failed.some((c) => condition.test(c)),
        `${what}: ${failed.join(' | ')}`,
      );
      // Malformed XML stops the check; otherwise only the broken condition(s) fail.
      if (!condition.test('package'))
        assert.ok(
          failed.every((c) => condition.test(c)),
          failed.join(' | '),
        );
    });
  }

  it('fails on a part without a content type', () => {
    const files = { ...good, 'word/extra.bin': strToU8('x') };
    assert.ok(failing(zipSync(files)).some((c) => c.startsWith('package')));
  });
});

describe('xml walk', () => {
  it('parses attributes, entities and nesting, and rejects mismatched tags', () => {
    const root = parseXml('<?xml version="1.0"?><a x="1 &amp; 2"><b>t&lt;</b><c/></a>');
    const a = root.children[0];
    assert.ok(typeof a === 'object' && a.name === 'a' && a.attrs.x === '1 & 2');
    assert.throws(() => parseXml('<a><b></a>'));
    assert.throws(() => parseXml('<a>'));
  });
});
