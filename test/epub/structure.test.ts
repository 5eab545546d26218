/**
 * The EPUB read back: the container (mimetype first and stored, fixed timestamps from the
 * date), the package document (identifier, language, EPUB Accessibility 1.1 metadata), the
 * navigation document (contents from the outline, landmarks, page list), the content
 * documents (one per chapter, `lang`, roles, alt text, every link landing on an id) and
 * byte-reproducibility. content/ and a guide the renderer was not written against, built
 * through the library; the hand-made sample handbook for images, components and page list.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { build } from '../../src/build.js';
import { Diagnostics } from '../../src/diagnostics.js';
import { renderEpub } from '../../src/epub/index.js';
import { chapterHeading } from '../../src/chapter-heading.js';
import type { Handbook } from '../../src/model.js';
import { descendants, kids, type XmlElement } from '../docx/xml-walk.js';
import { SAMPLE_ASSETS_ROOT, sampleHandbook } from '../html/sample-handbook.js';
import { readEpub, textOf, type ReadEpub } from './epub-tools.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GUIDES = {
  content: path.join(ROOT, 'content'),
  'other-guide': path.join(ROOT, 'test/fixtures/guides/other-guide'),
};

async function buildEpub(source: string) {
  const r = await build({ source, formats: ['epub'], version: '1.0.0', date: '2026-11-01' });
  const out = r.outputs.find((o) => o.format === 'epub');
  assert.ok(out, 'an epub output');
  assert.equal(out.name, 'handbook.epub');
  return { handbook: r.handbook, bytes: out.bytes };
}

const metas = (epub: ReadEpub, property: string): string[] =>
  descendants(epub.opf, 'meta')
    .filter((m) => m.attrs.property === property)
    .map(textOf);

const dir = (epub: ReadEpub) => path.posix.dirname(epub.opfPath);

function spineDocs(epub: ReadEpub): string[] {
  const items = new Map(descendants(epub.opf, 'item').map((i) => [i.attrs.id, i.attrs.href]));
  return descendants(epub.opf, 'itemref').map((r) => `${dir(epub)}/${items.get(r.attrs.idref)}`);
}

function navOf(epub: ReadEpub, type: string): XmlElement | undefined {
  const nav = descendants(epub.opf, 'item').find((i) => i.attrs.properties?.includes('nav'));
  assert.ok(nav, 'a navigation document in the manifest');
  return descendants(epub.xml(`${dir(epub)}/${nav.attrs.href}`), 'nav').find(
    (n) => n.attrs['epub:type'] === type,
  );
}

/** Every `a[href]` that points inside the publication lands on a file and, if given, an id. */
function assertLinksLand(epub: ReadEpub): number {
  const ids = new Map<string, Set<string>>();
  for (const doc of spineDocs(epub)) {
    const set = new Set<string>();
    const walk = (e: XmlElement) => {
      if (e.attrs.id) set.add(e.attrs.id);
      kids(e).forEach(walk);
    };
    walk(epub.xml(doc));
    ids.set(doc, set);
  }
  let n = 0;
  for (const doc of spineDocs(epub))
    for (const a of descendants(epub.xml(doc), 'a')) {
      const href = a.attrs.href ?? '';
      if (/^[a-z]+:/i.test(href)) continue;
      const [file = '', frag] = href.split('#');
      const target = file ? `${path.posix.dirname(doc)}/${file}` : doc;
      assert.ok(ids.has(target), `${doc}: ${href} names a document of the spine`);
      if (frag) assert.ok(ids.get(target)?.has(decodeURIComponent(frag)), `${doc}: ${href} lands`);
      n++;
    }
  return n;
}

/** The nav's contents as (title, depth) in order. */
function tocEntries(toc: XmlElement): string[] {
  const out: string[] = [];
  const walk = (ol: XmlElement, depth: number) => {
    for (const li of kids(ol, 'li')) {
      const label = kids(li).find((k) => k.name === 'a' || k.name === 'span');
      if (label?.name === 'a') out.push(`${depth} ${textOf(label)}`);
      for (const sub of kids(li, 'ol')) walk(sub, label?.name === 'a' ? depth + 1 : depth);
    }
  };
  for (const ol of kids(toc, 'ol')) walk(ol, 1);
  return out;
}

function outlineEntries(hb: Handbook): string[] {
  const out: string[] = [];
  const walk = (es: { title: string; children: never[] }[], d: number) =>
    es.forEach((e) => {
      out.push(`${d} ${e.title}`);
      walk(e.children, d + 1);
    });
  for (const c of [...hb.chapters, ...hb.appendices]) {
    out.push(`1 ${chapterHeading(c)}`);
    walk(c.outline as never, 2);
  }
  return out;
}

for (const [name, source] of Object.entries(GUIDES)) {
  describe(`EPUB of ${name}`, { timeout: 120_000 }, () => {
    let bytes: Uint8Array;
    let handbook: Handbook;
    let epub: ReadEpub;
    before(async () => {
      ({ bytes, handbook } = await buildEpub(source));
      epub = readEpub(bytes);
    });

    it('is byte-identical when built again', async () => {
      const again = await buildEpub(source);
      assert.ok(Buffer.from(again.bytes).equals(Buffer.from(bytes)));
    });

    it('opens with the mimetype, stored, and dates every entry on the release date', () => {
      const buf = Buffer.from(bytes);
      assert.equal(buf.readUInt32LE(0), 0x04034b50);
      assert.equal(buf.readUInt16LE(8), 0, 'stored');
      assert.equal(buf.toString('ascii', 30, 38), 'mimetype');
      assert.equal(buf.toString('ascii', 38, 58), 'application/epub+zip');
      // DOS date of 2026-11-01 at 00:00, in the local header of every entry.
      const dos = ((2026 - 1980) << 9) | (11 << 5) | 1;
      for (let at = buf.indexOf('PK\x03\x04'); at >= 0; at = buf.indexOf('PK\x03\x04', at + 4)) {
        if (buf.readUInt16LE(at + 12) !== dos) continue; // a signature inside compressed data
        assert.equal(buf.readUInt16LE(at + 10), 0);
      }
      assert.ok(Object.keys(unzipSync(bytes)).length > 5);
    });

    it('has one content document per chapter and appendix, each with lang, in reading order', () => {
      const docs = spineDocs(epub);
      const chapters = docs.filter((d) => /\/(chapter|appendix)-\d+\.xhtml$/.test(d));
      assert.equal(chapters.length, handbook.chapters.length + handbook.appendices.length);
      for (const doc of docs) {
        const html = descendants(epub.xml(doc), 'html')[0];
        assert.equal(html?.attrs.lang, handbook.meta.language, doc);
        assert.equal(html?.attrs['xml:lang'], handbook.meta.language, doc);
        assert.equal(descendants(epub.xml(doc), 'script').length, 0, `${doc}: no script`);
      }
      chapters.forEach((doc, i) => {
        const c = [...handbook.chapters, ...handbook.appendices][i]!;
        const section = descendants(epub.xml(doc), 'section')[0];
        const role = c.kind === 'appendix' ? 'doc-appendix' : 'doc-chapter';
        assert.equal(section?.attrs.role, role, doc);
        assert.equal(section?.attrs['epub:type'], c.kind, doc);
        assert.equal(textOf(descendants(section!, 'h1')[0]!), chapterHeading(c));
      });
    });

    it('carries the IG appendix with its references', () => {
      const last = spineDocs(epub).filter((d) => d.includes('/appendix-'));
      assert.equal(last.length, 1);
      const refs = descendants(epub.xml(last[0]!), 'li').filter((l) =>
        l.attrs.class?.split(' ').includes('hb-ref'),
      );
      assert.ok(refs.length > 0, 'reference entries');
    });

    it('lists the outline in the nav, with landmarks, and no page list without the PDF', () => {
      const toc = navOf(epub, 'toc');
      assert.ok(toc);
      assert.equal(toc.attrs.role, 'doc-toc');
      assert.deepEqual(tocEntries(toc), outlineEntries(handbook));
      const landmarks = navOf(epub, 'landmarks');
      const types = descendants(landmarks!, 'a').map((a) => a.attrs['epub:type']);
      assert.ok(types.includes('toc') && types.includes('bodymatter'), types.join());
      assert.equal(navOf(epub, 'page-list'), undefined);
      assert.ok(assertLinksLand(epub) > 0);
    });

    it('has the identifier, language and EPUB Accessibility 1.1 metadata', () => {
      const pkg = descendants(epub.opf, 'package')[0]!;
      assert.equal(pkg.attrs['xml:lang'], handbook.meta.language);
      const id = descendants(epub.opf, 'dc:identifier')[0]!;
      assert.equal(pkg.attrs['unique-identifier'], id.attrs.id);
      assert.match(textOf(id), /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-/);
      assert.equal(textOf(descendants(epub.opf, 'dc:language')[0]!), handbook.meta.language);
      assert.deepEqual(metas(epub, 'dcterms:modified'), ['2026-11-01T00:00:00Z']);
      assert.deepEqual(metas(epub, 'dcterms:conformsTo'), [
        'EPUB Accessibility 1.1 - WCAG 2.1 Level AA',
      ]);
      assert.ok(metas(epub, 'schema:accessMode').includes('textual'));
      assert.deepEqual(metas(epub, 'schema:accessModeSufficient'), ['textual']);
      for (const f of ['structuralNavigation', 'tableOfContents', 'readingOrder'])
        assert.ok(metas(epub, 'schema:accessibilityFeature').includes(f), f);
      assert.ok(!metas(epub, 'schema:accessibilityFeature').includes('printPageNumbers'));
      assert.deepEqual(metas(epub, 'schema:accessibilityHazard'), ['none']);
      assert.ok(metas(epub, 'schema:accessibilitySummary')[0]!.length > 50);
    });
  });
}

describe('EPUB of the sample handbook, with print page numbers', () => {
  const pageNumbers = {
    introduction: 4,
    'how-long-does-a-migration-take': 4,
    'overview-of-key-phases': 5,
    'get-started': 7,
  };
  let epub: ReadEpub;
  let bytes: Uint8Array;
  before(async () => {
    ({ bytes } = await renderEpub(sampleHandbook(), {
      assetsRoot: SAMPLE_ASSETS_ROOT,
      pageNumbers,
    }));
    epub = readEpub(bytes);
  });

  it('lists each page a heading starts on, at a page-break marker, in page order', () => {
    const list = navOf(epub, 'page-list');
    assert.ok(list, 'a page list');
    assert.equal(list.attrs.role, 'doc-pagelist');
    const links = descendants(list, 'a');
    const pages = links.map(textOf);
    // The cover is page 1; "how-long…" shares page 4 with its chapter title: listed once.
    assert.deepEqual(pages, ['1', '4', '5', '7']);
    for (const a of links) {
      const [file, id] = (a.attrs.href ?? '').split('#');
      const marker = descendants(epub.xml(`${dir(epub)}/${file}`), 'span').find(
        (s) => s.attrs.id === id,
      );
      assert.equal(marker?.attrs['epub:type'], 'pagebreak', a.attrs.href);
      assert.equal(marker?.attrs.role, 'doc-pagebreak');
      assert.equal(marker?.attrs['aria-label'], textOf(a));
    }
    assert.ok(metas(epub, 'schema:accessibilityFeature').includes('printPageNumbers'));
    const source = descendants(epub.opf, 'dc:source')[0];
    assert.ok(source, 'the page source');
    assert.deepEqual(metas(epub, 'source-of'), ['pagination']);
  });

  it('packages every image as a file with its alt text, and says so in the metadata', () => {
    const manifest = new Map(descendants(epub.opf, 'item').map((i) => [i.attrs.href, i]));
    let images = 0;
    for (const doc of spineDocs(epub))
      for (const img of descendants(epub.xml(doc), 'img')) {
        images++;
        assert.ok('alt' in img.attrs, `${doc}: img has alt`);
        const src = img.attrs.src ?? '';
        assert.ok(manifest.has(src), `${src} is in the manifest`);
        assert.ok(epub.files[`${dir(epub)}/${src}`], `${src} is in the container`);
      }
    assert.ok(images >= 2, 'the SVG and the PNG');
    assert.ok(metas(epub, 'schema:accessMode').includes('visual'));
    assert.ok(metas(epub, 'schema:accessibilityFeature').includes('alternativeText'));
  });

  it('keeps the components as semantic markup', () => {
    const all = spineDocs(epub).map((d) => epub.xml(d));
    const cls = (e: XmlElement, c: string) => e.attrs.class?.split(' ').includes(c);
    assert.ok(all.some((x) => descendants(x, 'aside').some((a) => cls(a, 'hb-card'))));
    assert.ok(
      all.some((x) =>
        descendants(x, 'div').some((d) => cls(d, 'hb-inset') && d.attrs.role === 'note'),
      ),
    );
    assert.ok(all.some((x) => descendants(x, 'ol').some((o) => cls(o, 'hb-steps'))));
    assert.ok(assertLinksLand(epub) > 0);
  });

  it('gives the same bytes for the same tree, and another identifier for another version', async () => {
    const again = await renderEpub(sampleHandbook(), {
      assetsRoot: SAMPLE_ASSETS_ROOT,
      pageNumbers,
    });
    assert.ok(Buffer.from(again.bytes).equals(Buffer.from(bytes)));
    const hb = sampleHandbook();
    const other = readEpub(
      (await renderEpub({ ...hb, meta: { ...hb.meta, version: '9.9.9' } }, {})).bytes,
    );
    const id = (e: ReadEpub) => textOf(descendants(e.opf, 'dc:identifier')[0]!);
    assert.notEqual(id(other), id(epub));
  });
});

describe('EPUB images it cannot hold', () => {
  it('shows the alt text of an image outside the core media types, with a finding', async () => {
    const hb = sampleHandbook();
    const webp = Buffer.from('RIFF\x1a\x00\x00\x00WEBPVP8 ', 'latin1').toString('base64');
    const first = hb.chapters[0]!;
    first.body.children.push({
      type: 'element',
      tagName: 'p',
      properties: {},
      children: [
        {
          type: 'element',
          tagName: 'img',
          properties: { src: `data:image/webp;base64,${webp}`, alt: 'A WebP chart' },
          children: [],
        },
      ],
    });
    const diagnostics = new Diagnostics();
    const epub = readEpub((await renderEpub(hb, { diagnostics })).bytes);
    const doc = epub.text(`${dir(epub)}/chapter-01.xhtml`);
    assert.match(doc, /<span class="hb-image-missing">\[Image: A WebP chart\]<\/span>/);
    assert.ok(!epub.names.some((n) => n.endsWith('.webp')));
    const found = diagnostics.sorted().filter((f) => f.code === 'epub-image');
    assert.equal(found.length, 1);
    assert.equal(found[0]!.file, first.source);
  });
});
