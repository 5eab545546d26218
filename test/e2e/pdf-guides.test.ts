/**
 * The PDF handbook of real guide trees, built through the library exactly as the CLI does:
 * content/ (the guide) and other-guide (another shape, zero configuration, deliberate flaws).
 * Each file must pass the independent PDF/UA-1 check, and what is on paper must be right:
 * contents numbers against the pages of the headings, running heads, footers, cover, document
 * control, the references appendix with every address in full, bookmarks, and the same bytes
 * twice. Three builds in all (content/ twice for the SHA-256, other-guide once), one browser.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { PDFDocument, PDFName } from 'pdf-lib';
import { build, type BuildResult } from '../../src/build.js';
import { openSession, type BrowserSession } from '../../src/pdf/index.js';
import { expectedBookmarks, hasHeading, readContents } from '../pdf/expect.js';
import { outlineTitles, readWithPdfJs, str, structElems, type PdfJsPage } from '../pdf/inspect.js';
import { checkPdf, conditionTests, type CheckResult } from '../pdf/ua-check.js';
import { actualTexts, listItems } from '../pdf/label-check.js';
import { hiddenLabels, pdftotext } from '../pdf/extraction.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const VERSION = '1.0';
const DATE = '2026-11-01';
const DATE_ON_PAPER = '1 November 2026';

interface Reference {
  title: string;
  urls: string[];
}

/**
 * The Information Governance list, read straight from the Markdown source (not via the
 * toolchain): one entry per list item after the heading, with every link address in it.
 */
function referencesFromSource(file: string, heading: string): Reference[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.trim() === heading);
  assert.ok(at >= 0, `${heading} in ${file}`);
  const refs: Reference[] = [];
  for (const line of lines.slice(at + 1)) {
    const item = /^\s*>?\s*[*-]\s+(.*)$/.exec(line);
    if (!item) {
      if (refs.length > 0) break; // the list has ended
      continue;
    }
    const body = item[1]!.replace(/<!--.*?-->/g, '');
    const urls = [...body.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    const title = (/^\[([^\]]+)\]/.exec(body)?.[1] ?? body.replace(/\s*\(.*$/, '')).trim();
    refs.push({ title, urls });
  }
  return refs;
}

/** Alt texts of the Markdown images in the guide's sources (`![alt](src)`, alt not empty). */
function imageAlts(source: string): string[] {
  const alts: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) {
        const text = readFileSync(path, 'utf8');
        for (const m of text.matchAll(/!\[([^\]]+)\]\(/g)) alts.push(m[1]!);
      }
    }
  };
  walk(source);
  return alts;
}

interface Guide {
  name: string;
  source: string;
  references: () => Reference[];
  hasReleases: boolean;
}

const guides: Guide[] = [
  {
    name: 'content',
    source: join(ROOT, 'content'),
    references: () =>
      referencesFromSource(join(ROOT, 'content/guide/index.md'), '## Information Governance'),
    hasReleases: true,
  },
  {
    name: 'other-guide',
    source: join(ROOT, 'test/fixtures/guides/other-guide'),
    references: () =>
      referencesFromSource(
        join(ROOT, 'test/fixtures/guides/other-guide/guide/03-systems.md'),
        '## Information Governance',
      ),
    hasReleases: false,
  },
];

interface Built {
  result: BuildResult;
  bytes: Uint8Array;
  pages: PdfJsPage[];
  doc: PDFDocument;
  checks: CheckResult[];
}

let session: BrowserSession;
const built = new Map<string, Built>();
let secondContent: Uint8Array;

async function buildPdf(source: string): Promise<{ result: BuildResult; bytes: Uint8Array }> {
  const result = await build({ source, formats: ['pdf'], version: VERSION, date: DATE, session });
  const pdf = result.outputs.find((o) => o.format === 'pdf');
  assert.ok(pdf, 'a PDF output');
  return { result, bytes: pdf.bytes };
}

before(async () => {
  session = await openSession();
  for (const g of guides) {
    const { result, bytes } = await buildPdf(g.source);
    const pages = await readWithPdfJs(bytes);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    built.set(g.name, { result, bytes, pages, doc, checks: await checkPdf(bytes, { pages }) });
  }
  secondContent = (await buildPdf(guides[0]!.source)).bytes;
});

after(async () => {
  await session?.close();
});

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
const squash = (s: string): string => s.replace(/\s+/g, '');

for (const g of guides) {
  describe(`PDF of ${g.name}`, () => {
    const get = (): Built => built.get(g.name)!;

    it('passes every condition of the independent PDF/UA-1 check', (t) =>
      conditionTests(t, get().checks));

    it('prints, for every contents entry, the page its heading is on', () => {
      const { pages, result } = get();
      const lines = readContents(pages, result.handbook);
      assert.ok(lines.length > result.handbook.chapters.length, 'chapters and sections');
      for (const e of lines) {
        assert.ok(e.printed !== undefined, `no contents line for "${e.title}"`);
        assert.ok(e.headingPage !== undefined, `heading "${e.title}" not found after the contents`);
        assert.equal(e.printed, e.headingPage, `"${e.title}": contents says ${e.printed}`);
      }
    });

    it('has "Page N of M" and the version in the footer of every page after the cover', () => {
      const { pages } = get();
      const m = pages.length;
      pages.forEach((p, i) => {
        if (i === 0) return;
        const foot = p.lines.find((l) => l.includes(`Page ${i + 1} of ${m}`));
        assert.ok(foot, `page ${i + 1}: no "Page ${i + 1} of ${m}" (${p.lines.at(-1)})`);
        assert.match(
          foot,
          new RegExp(`Version ${VERSION.replace('.', '\\.')}\\b`),
          `page ${i + 1}`,
        );
      });
    });

    it('shows the chapter title as running head on every page of the chapter', () => {
      const { pages, result } = get();
      const hb = result.handbook;
      const contents = readContents(pages, hb).filter((e) => e.depth === 1);
      // The colophon (last page) has no running head.
      const lastBody = pages.length - 1;
      contents.forEach((c, i) => {
        const first = c.headingPage!;
        const end = (contents[i + 1]?.headingPage ?? lastBody + 1) - 1;
        for (let n = first; n <= end && n <= lastBody; n++) {
          assert.equal(pages[n - 1]!.lines[0], c.title, `running head of page ${n}`);
        }
      });
    });

    it('has a cover with title, version and date', () => {
      const { pages, result } = get();
      const cover = pages[0]!.lines.join(' ');
      assert.ok(cover.includes(result.handbook.meta.title), cover);
      assert.match(cover, new RegExp(`Version ${VERSION.replace('.', '\\.')}\\b`));
      assert.ok(cover.includes(DATE_ON_PAPER), cover);
      assert.ok(!pages[0]!.lines.some((l) => /^Page \d+ of/.test(l)), 'no footer on the cover');
    });

    it(
      g.hasReleases
        ? 'has a document control page listing every release'
        : 'has no document control page (no releases.yml)',
      () => {
        const { pages } = get();
        const page = pages.find((p) => hasHeading(p, 'Document control'));
        if (!g.hasReleases) {
          assert.equal(page, undefined);
          return;
        }
        assert.ok(page, 'a page headed "Document control"');
        const releases = readFileSync(join(g.source, 'releases.yml'), 'utf8');
        const versions = [...releases.matchAll(/version:\s*"?([\d.]+)"?/g)].map((m) => m[1]!);
        assert.ok(versions.length > 0);
        const text = page.lines.join(' ');
        for (const v of versions) assert.match(text, new RegExp(`\\b${v.replace('.', '\\.')}\\b`));
      },
    );

    it('ends with Appendix A listing every reference with its full address on paper', () => {
      const { pages } = get();
      const title = 'Appendix A: Information Governance references';
      const start = pages.findIndex((p) => hasHeading(p, title));
      assert.ok(start >= 0, `a page headed "${title}"`);
      const lines = pages.slice(start).flatMap((p) => p.lines.slice(1));
      const text = lines.join(' ');
      const flat = squash(text); // addresses wrap over lines
      const refs = g.references();
      assert.equal(refs.length, 9, 'the source lists 9 references');
      let pos = 0;
      refs.forEach((r, i) => {
        const at = text.indexOf(`${i + 1}. ${r.title}`, pos);
        assert.ok(at >= 0, `entry ${i + 1} "${r.title}" in order`);
        pos = at;
        for (const url of r.urls) assert.ok(flat.includes(squash(url)), `address ${url}`);
        if (r.urls.length === 0) {
          const line = lines.find((l) => l.includes(r.title)) ?? '';
          assert.match(line, /\(no link available\)/, `"${r.title}" is marked`);
        }
      });
      assert.ok(
        refs.some((r) => r.urls.length === 0),
        'one entry has no link',
      );
    });

    it('keeps every image of the guide that has alt text as a Figure with that alt', () => {
      const { doc } = get();
      const alts = imageAlts(g.source);
      const figures = structElems(doc)
        .filter((e) => e.type === 'Figure')
        .map((e) => str(e.dict.lookup(PDFName.of('Alt'))));
      for (const alt of alts) assert.ok(figures.includes(alt), `no Figure with alt "${alt}"`);
    });

    it('tags every list, step and note number as real text in the item’s Lbl', () => {
      const { doc, pages, result } = get();
      const items = listItems(doc, pages);
      // Link notes: "[1]", "[2]" … in a Decimal list, the note's own text after it.
      const notes = items.filter((i) => /^\[\d+\]$/.test(i.label ?? ''));
      assert.ok(notes.length > 0, 'link notes are labelled');
      for (const n of notes) assert.equal(n.numbering, 'Decimal', `note ${n.label}`);
      // Steps: each step title follows its number, and a group's numbers run 1, 2, 3 …
      const steps = result.handbook.chapters.flatMap(
        (c) => JSON.stringify(c.body).match(/hb-step__title/g) ?? [],
      ).length;
      const numbered = items.filter(
        (i) => i.numbering === 'Decimal' && /^\d+$/.test(i.label ?? ''),
      );
      if (steps > 0)
        assert.ok(numbered.length >= steps, `${numbered.length} numbered items, ${steps} steps`);
      for (const i of numbered)
        assert.ok(
          i.text.startsWith(i.label!),
          `item text starts with its label: ${i.text.slice(0, 30)}`,
        );
      // Ordinary numbered lists: "1.", "2." …
      assert.ok(
        items.some((i) => /^\d+\.$/.test(i.label ?? '')),
        'ordered lists are labelled',
      );
    });

    it('reads each hidden label once from the tags and never shows it in text extraction', () => {
      const { doc, bytes, result } = get();
      const labels = hiddenLabels(result.handbook);
      // The tags: each label as its element's /ActualText, in reading order.
      assert.deepEqual(actualTexts(doc), labels);
      // pdftotext (poppler) reads the ink: no label as a line of its own, nor anywhere else.
      const text = pdftotext(bytes);
      const stray = labels.filter((l) => text.includes(l));
      assert.deepEqual(stray, [], 'hidden labels in pdftotext output');
    });

    it('has bookmarks for the chapters and their sections, in order', () => {
      const { doc, result } = get();
      const bookmarks = outlineTitles(doc);
      assert.deepEqual(bookmarks, expectedBookmarks(result.handbook));
      const chapters = bookmarks.filter((b) => b.startsWith('1:'));
      assert.equal(
        chapters.length,
        result.handbook.chapters.length + result.handbook.appendices.length,
      );
    });
  });
}

describe('PDF builds are reproducible', () => {
  it('two builds of content/ give the same SHA-256', () => {
    const first = built.get('content')!.bytes;
    assert.equal(sha256(secondContent), sha256(first));
  });
});
