import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fromHtml } from 'hast-util-from-html';
import { cssString } from '../../src/html/css-string.js';
import { formatDate } from '../../src/dates.js';
import { assetPath as imagePath } from '../../src/assets.js';
import { renderHtml } from '../../src/html/index.js';
import { addLinkNotes, mailAddress, textIsUrl, uniqueId } from '../../src/html/link-notes.js';
import { byClass, byId, byTag, parse, text } from './html-query.js';
import { sampleHandbook } from './sample-handbook.js';

describe('html helpers', () => {
  it('formats ISO dates the UK way and leaves other text alone', () => {
    assert.equal(formatDate('2024-03-01'), '1 March 2024');
    assert.equal(formatDate('2023-12-31'), '31 December 2023');
    assert.equal(formatDate('2024-13-01'), '2024-13-01');
    assert.equal(formatDate('draft'), 'draft');
  });

  it('quotes CSS strings safely', () => {
    assert.equal(cssString('a "b" \\c'), '"a \\"b\\" \\\\c"');
    assert.equal(cssString('x\ny</style>'), '"x y\\3c /style>"');
  });

  it('recognises link text that is the URL', () => {
    assert.ok(textIsUrl('https://www.england.nhs.uk/gp/', 'https://www.england.nhs.uk/gp/'));
    assert.ok(textIsUrl('www.england.nhs.uk/gp', 'https://www.england.nhs.uk/gp/'));
    assert.ok(textIsUrl('help@nhs.net', 'mailto:help@nhs.net'));
    assert.ok(!textIsUrl('NHS England', 'https://www.england.nhs.uk/'));
    // A mailto link whose text is the address needs no note, whatever its subject.
    assert.ok(textIsUrl('help@nhs.net', 'mailto:help%40nhs.net?subject=Migration%20guide'));
  });

  it('prints a mailto note as the bare address (subject kept in the link only)', () => {
    const tree = fromHtml(
      '<p><a href="mailto:gp.migration%40nhs.net?subject=Guide%20feedback">Email the team</a></p>',
      { fragment: true },
    );
    const [note] = addLinkNotes(tree, 'intro', new Set());
    assert.equal(note?.shown, 'gp.migration@nhs.net');
    assert.equal(note?.url, 'mailto:gp.migration%40nhs.net?subject=Guide%20feedback');
    assert.equal(note?.label, '[1]');
    assert.equal(mailAddress('https://x.org/'), undefined);
  });

  it('makes ids unique', () => {
    const taken = new Set(['main', 'main-2']);
    assert.equal(uniqueId('main', taken), 'main-3');
    assert.equal(uniqueId('other', taken), 'other');
    assert.ok(taken.has('main-3') && taken.has('other'));
  });

  it('resolves image sources inside the source root only', () => {
    assert.equal(imagePath('/img/a.png', '/src'), '/src/img/a.png');
    assert.equal(imagePath('img/a%20b.png?v=1', '/src'), '/src/img/a b.png');
    assert.equal(imagePath('../../etc/passwd.png', '/src'), undefined);
    assert.equal(imagePath('https://x.org/a.png', '/src'), undefined);
    assert.equal(imagePath('//x.org/a.png', '/src'), undefined);
    assert.equal(imagePath('data:image/png;base64,AA', '/src'), undefined);
  });
});

describe('renderHtml edge cases', () => {
  it('omits document control without releases but keeps version and date on the cover', async () => {
    const hb = sampleHandbook();
    hb.releases = [];
    const tree = parse((await renderHtml(hb, { mode: 'print' })).html);
    assert.equal(byClass(tree, 'hb-doc-control').length, 0);
    assert.match(text(byClass(tree, 'hb-cover')[0]!), /Version 1\.2\.0 Date 1 March 2024/);
  });

  it('draws no empty band on a cover without an organisation; shows the description', async () => {
    const hb = sampleHandbook();
    delete hb.meta.organisation;
    hb.meta.description = 'How a practice moves system';
    const tree = parse((await renderHtml(hb, { mode: 'print' })).html);
    const cover = byClass(tree, 'hb-cover')[0]!;
    assert.equal(byClass(cover, 'hb-cover__band').length, 0);
    assert.ok(byClass(tree, 'hb-cover--no-band').length === 1);
    assert.match(text(cover), /How a practice moves system/);
    const withOrg = parse((await renderHtml(sampleHandbook(), { mode: 'print' })).html);
    assert.match(text(byClass(withOrg, 'hb-cover__band')[0]!), /NHS Digital/);
  });

  it('does not modify the Handbook and renders deterministically', async () => {
    const hb = sampleHandbook();
    const a = await renderHtml(hb, { mode: 'print' });
    const b = await renderHtml(hb, { mode: 'print' });
    assert.deepEqual(hb, sampleHandbook());
    assert.equal(a.html, b.html);
  });

  it('inlines local images, shows the alt of missing ones, never fetches remote ones, drops comments', async () => {
    const root = mkdtempSync(join(tmpdir(), 'hb-html-'));
    writeFileSync(join(root, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const hb = sampleHandbook();
    hb.chapters[0]!.body = fromHtml(
      '<p><img src="logo.svg" alt="Logo"> <img src="/missing.png" alt="Gone"> ' +
        '<img src="https://example.org/x.png" alt="Remote" srcset="https://example.org/y.png 2x"></p>' +
        '<!-- [GAP] secret note --><figure><img src="/logo.svg" alt="Bare"></figure>',
      { fragment: true },
    );
    const { html } = await renderHtml(hb, { mode: 'screen', assetsRoot: root });
    const tree = parse(html);
    const imgs = byTag(tree, 'img').filter((i) =>
      ['Logo', 'Gone', 'Remote', 'Bare'].includes(String(i.properties.alt)),
    );
    assert.deepEqual(
      imgs.map((i) => String(i.properties.src).slice(0, 26)),
      ['data:image/svg+xml;base64,', 'data:image/svg+xml;base64,'],
    );
    // A missing local image leaves no dangling reference: its alt text stands in.
    assert.match(html, /\[Image: Gone\]/);
    assert.doesNotMatch(html, /missing\.png/);
    assert.doesNotMatch(html, /example\.org/);
    assert.match(html, /\[Image: Remote\]/);
    assert.doesNotMatch(html, /secret note|<!--/);
    assert.equal(byTag(tree, 'figure').length, 0, 'a figure without caption is a plain img');
  });

  it('groups chapters by part in the contents and marks the part start', async () => {
    const hb = sampleHandbook();
    hb.chapters[1]!.part = 'Before the migration';
    hb.chapters[2]!.part = 'Before the migration';
    const tree = parse((await renderHtml(hb, { mode: 'screen' })).html);
    assert.deepEqual(byClass(tree, 'hb-toc__part').map(text), ['Before the migration']);
    assert.deepEqual(byClass(tree, 'hb-chapter__part').map(text), ['Before the migration']);
  });

  it('keeps landmark ids unique when a chapter is called "main"', async () => {
    const hb = sampleHandbook();
    hb.chapters[0]!.id = 'main';
    const tree = parse((await renderHtml(hb, { mode: 'screen' })).html);
    assert.equal(byId(tree, 'main').length, 1);
    assert.equal(byId(tree, 'main')[0]?.tagName, 'h1');
    const skip = byClass(tree, 'hb-skip-link')[0]!;
    assert.equal(byId(tree, String(skip.properties.href).slice(1))[0]?.tagName, 'main');
  });
});
