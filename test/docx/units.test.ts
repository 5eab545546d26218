import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { bookmarkBase, bookmarkNames, uniqueName } from '../../src/docx/bookmarks.js';
import { treeLabel } from '../../src/docx/components.js';
import { formatDate as longDate } from '../../src/dates.js';
import { drawnSize, intrinsicSize } from '../../src/docx/images.js';
import { assetCandidates, assetPath } from '../../src/assets.js';
import { renderDocx } from '../../src/docx/index.js';
import { crc32, zipEntries } from '../../src/docx/zip.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { strToU8, unzipSync } from 'fflate';
import { tidy, type Inline } from '../../src/docx/inline.js';
import { entryOrder } from '../../src/docx/package.js';
import { tableRows } from '../../src/docx/tables.js';
import { TINY_PNG_BASE64, sampleHandbook } from './sample-handbook.js';

describe('bookmark names', () => {
  it('are Word-valid, ≤ 40 characters and unique (case-insensitively)', () => {
    assert.equal(
      bookmarkBase('how-long-does-a-migration-take?'),
      'h_how_long_does_a_migration_take',
    );
    assert.equal(bookmarkBase('2019 plan').startsWith('h_2019'), true);
    const long = bookmarkBase('a'.repeat(80));
    assert.equal(long.length, 40);
    const taken = new Set<string>();
    const first = uniqueName(long, taken);
    const second = uniqueName(long, taken);
    assert.notEqual(first, second);
    assert.ok(second.length <= 40 && second.endsWith('_2'));
    assert.notEqual(uniqueName('h_A', taken), uniqueName('h_a', taken));
  });

  it('cover chapter ids and every id in the bodies, in document order', () => {
    const names = bookmarkNames(sampleHandbook(), ['hb-document-control']);
    assert.equal([...names.keys()][0], 'hb-document-control');
    assert.equal(names.get('data-checking'), 'h_data_checking');
    assert.ok(names.has('appendix-a-information-governance-references'));
  });
});

describe('box labels', () => {
  const kids = (html: string) => fromHtml(html, { fragment: true }).children as Element[];
  it('are read from the tree, never decided again', () => {
    const hidden =
      '<span class="hb-visually-hidden hb-label" data-hb-label="hidden">Important: </span>';
    assert.equal(treeLabel(kids(`${hidden}Please note`)), 'Important:');
    assert.equal(
      treeLabel(kids('<span class="hb-label" data-hb-label="shown">Lesson learnt: </span>')),
      'Lesson learnt:',
    );
    // The renderer does not compare: a label the tree kept is printed even when it repeats.
    assert.equal(treeLabel(kids(`${hidden}Important things`)), 'Important:');
    // No label span (the transform dropped it), no label; spans deeper down are content.
    assert.equal(treeLabel(kids('<p>Lesson learnt - request early</p>')), undefined);
    assert.equal(
      treeLabel(kids('<p><span class="hb-visually-hidden">(opens in a new tab)</span></p>')),
      undefined,
    );
  });
});

describe('inline whitespace', () => {
  it('collapses like a browser across elements and around breaks', () => {
    const t = (text: string, bold = false): Inline => ({
      t: 'text',
      text,
      f: bold ? { bold } : {},
    });
    const out = tidy([t('  Hello \n '), t(' world ', true), { t: 'break' }, t('  again  ')]);
    assert.deepEqual(out, [t('Hello '), t('world', true), { t: 'break' }, t('again')]);
    assert.deepEqual(tidy([t('  '), { t: 'break' }]), []);
  });
});

describe('tables', () => {
  it('treat thead rows and leading all-th rows as header rows', () => {
    const root = fromHtml(
      '<table><tr><th>A</th></tr><tr><td>1</td></tr><tr><th>B</th></tr></table>',
      { fragment: true },
    );
    const table = root.children.find(
      (c): c is Element => c.type === 'element' && c.tagName === 'table',
    );
    assert.ok(table);
    // The HTML parser puts the rows in a tbody.
    assert.deepEqual(
      tableRows(table).map((r) => r.header),
      [true, false, false],
    );
  });
});

describe('images', () => {
  it('read the PNG size, scale to the column and stay inside the assets root', () => {
    const png = new Uint8Array(Buffer.from(TINY_PNG_BASE64, 'base64'));
    assert.deepEqual(intrinsicSize(png, 'png'), { width: 4, height: 2 });
    assert.deepEqual(drawnSize({ type: 'png', data: png, width: 1200, height: 600 }), {
      width: 600,
      height: 300,
    });
    assert.deepEqual(drawnSize({ type: 'png', data: png, width: 4, height: 2 }, 200), {
      width: 200,
      height: 100,
    });
    assert.equal(assetPath('/assets/images/a.png', '/site'), '/site/assets/images/a.png');
    assert.equal(assetPath('/../../etc/passwd', '/site'), undefined);
    assert.equal(assetPath('../outside.png', '/site'), undefined);
    assert.equal(assetPath('https://example.com/a.png', '/site'), undefined);
  });
});

describe('package helpers', () => {
  it('order zip entries content types, rels, then sorted', () => {
    assert.deepEqual(
      entryOrder(['word/document.xml', '_rels/.rels', 'docProps/core.xml', '[Content_Types].xml']),
      ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/document.xml'],
    );
    assert.equal(longDate('2026-09-15'), '15 September 2026');
    assert.equal(longDate('draft'), 'draft');
  });
});

describe('images under a baseurl', () => {
  it('are found by dropping leading path segments, never outside the root', () => {
    assert.deepEqual(assetCandidates('/prm/assets/images/a.png', '/site'), [
      '/site/prm/assets/images/a.png',
      '/site/assets/images/a.png',
      '/site/images/a.png',
      '/site/a.png',
    ]);
    assert.deepEqual(assetCandidates('/../etc/passwd', '/site'), []);
    assert.deepEqual(assetCandidates('/bad%zz.png', '/site'), []);
  });
});

describe('zip writer', () => {
  it('writes entries in order that fflate reads back, with CRCs and 1980 dates', () => {
    const a = strToU8('<a>'.repeat(1000));
    const png = new Uint8Array(Buffer.from(TINY_PNG_BASE64, 'base64'));
    const zip = zipEntries([
      { name: '[Content_Types].xml', data: a },
      { name: 'word/media/x.png', data: png },
    ]);
    const back = unzipSync(zip);
    assert.deepEqual(Object.keys(back), ['[Content_Types].xml', 'word/media/x.png']);
    assert.deepEqual(back['[Content_Types].xml'], a);
    assert.deepEqual(back['word/media/x.png'], png);
    assert.equal(crc32(strToU8('123456789')), 0xcbf43926);
    assert.ok(zip.length < a.length, 'XML is deflated');
  });
});

describe('findings', () => {
  it('reports an image that cannot be embedded and an internal link without a target', async () => {
    const hb = sampleHandbook();
    const chapter = hb.chapters[0];
    assert.ok(chapter);
    chapter.body.children.push(
      ...fromHtml('<p>See <a href="#nowhere">the missing part</a>.</p>', { fragment: true })
        .children,
    );
    const diagnostics = new Diagnostics();
    await renderDocx(hb, { diagnostics });
    const codes = diagnostics.sorted().map((f) => `${f.file} ${f.code}`);
    assert.ok(codes.includes('guide/01-get-started.md docx-image-missing'), codes.join('\n'));
    assert.ok(codes.includes('guide/index.md docx-dead-link'), codes.join('\n'));
  });
});
