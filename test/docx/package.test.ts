import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { unzipSync } from 'fflate';
import { assetsRoot, render } from './helpers.js';
import { sampleHandbook } from './sample-handbook.js';

describe('package parts', () => {
  it('names the organisation as author and company, never the guide title', async () => {
    const pkg = await render();
    assert.match(pkg.part('docProps/core.xml'), /<dc:creator>NHS Digital<\/dc:creator>/);
    assert.match(pkg.part('docProps/app.xml'), /<Company>NHS Digital<\/Company>/);
    const hb = structuredClone(sampleHandbook());
    delete hb.meta.organisation;
    const bare = await render(hb);
    const core = bare.part('docProps/core.xml');
    assert.doesNotMatch(core, /<dc:creator>|Un-named/);
    assert.doesNotMatch(bare.part('docProps/app.xml'), /<Company>/);
  });

  it('has a header with the title and a footer with PAGE, NUMPAGES and the version', async () => {
    const pkg = await render();
    assert.match(pkg.part('word/header1.xml'), /GP Clinical System Migration Guide/);
    const footer = pkg.part('word/footer1.xml');
    assert.match(footer, /<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    assert.match(footer, /<w:instrText[^>]*>\s*NUMPAGES\s*<\/w:instrText>/);
    assert.match(footer, /Version 1\.0/);
  });

  it('sets core properties (title, dates from the release date) and custom Version/ReleaseDate', async () => {
    const pkg = await render();
    const core = pkg.part('docProps/core.xml');
    assert.match(core, /<dc:title>GP Clinical System Migration Guide<\/dc:title>/);
    assert.match(core, /<dc:subject>Moving a GP practice/);
    assert.match(core, /<dc:description>How a GP practice/);
    assert.match(core, /<cp:keywords>[^<]+<\/cp:keywords>/);
    assert.match(core, /<dcterms:created [^>]*>2026-09-15T00:00:00Z<\/dcterms:created>/);
    assert.match(core, /<dcterms:modified [^>]*>2026-09-15T00:00:00Z<\/dcterms:modified>/);
    const custom = pkg.part('docProps/custom.xml');
    assert.match(custom, /name="Version"[^>]*>\s*<vt:lpwstr>1\.0<\/vt:lpwstr>/);
    assert.match(custom, /name="ReleaseDate"[^>]*>\s*<vt:lpwstr>2026-09-15<\/vt:lpwstr>/);
  });

  it('is deterministic: the same tree gives the same bytes', async () => {
    const root = assetsRoot();
    const a = await render(sampleHandbook(), root);
    const b = await render(sampleHandbook(), root);
    assert.equal(Buffer.compare(Buffer.from(a.bytes), Buffer.from(b.bytes)), 0);
  });

  it('changes with the release date, and only where the date appears', async () => {
    const hb = sampleHandbook();
    hb.meta.date = '2027-01-02';
    const pkg = await render(hb);
    assert.match(pkg.part('docProps/core.xml'), /2027-01-02T00:00:00Z/);
  });

  it('writes [Content_Types].xml first and fixed zip timestamps', async () => {
    const { bytes } = await render();
    const names = Object.keys(unzipSync(bytes));
    assert.equal(names[0], '[Content_Types].xml');
    assert.equal(names[1], '_rels/.rels');
    // Local file header: DOS time at offset 10, date at 12, for the first entry.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    assert.equal(view.getUint32(0, true), 0x04034b50);
    const dosDate = view.getUint16(12, true);
    assert.equal(dosDate >> 9, 0, 'year 1980');
  });
});

describe('parts', () => {
  it('open with a divider page that is not a heading, keeping chapters at Heading 1', async () => {
    const hb = sampleHandbook();
    hb.chapters.forEach((c) => (c.part = 'Before the migration'));
    const doc = (await render(hb)).part('word/document.xml');
    const divider = doc.indexOf('<w:pStyle w:val="PartTitle"/>');
    assert.ok(divider > 0);
    assert.equal(
      doc.split('Before the migration').length - 1,
      1,
      'one divider for consecutive chapters of a part',
    );
    assert.ok(doc.indexOf('>Introduction<', divider) > divider);
  });
});
