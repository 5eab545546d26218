/**
 * Large print (RNIB clear and large print guidance) read back from the files: content/ built
 * with `largePrint` at the default 16 pt and at 24 pt. Every text span of the PDF is at least
 * the body size (the only smaller text is the screen-reader labels, 1 px and transparent), no
 * italic face is embedded, lines end ragged, the contents numbers match the heading pages and
 * every condition of the PDF/UA check still holds; in the DOCX every run is at least the body
 * size, nothing is italic or justified. One browser for the three builds.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build, type BuildResult } from '../../src/build.js';
import { renderHtml } from '../../src/html/index.js';
import { printProfile } from '../../src/large-print.js';
import { openSession, type BrowserSession } from '../../src/pdf/index.js';
import { PDFDocument } from 'pdf-lib';
import { contentsPages, expectedBookmarks, hasHeading, readContents } from '../pdf/expect.js';
import { listItems } from '../pdf/label-check.js';
import { outlineTitles, readWithPdfJs, type PdfJsPage } from '../pdf/inspect.js';
import { checkPdf, conditionTests, type CheckResult } from '../pdf/ua-check.js';
import { descendants } from '../docx/xml-walk.js';
import {
  fontNames,
  imageBoxes,
  lineEnds,
  overlaps,
  textSpans,
  type Box,
  type Span,
} from './read-pdf.js';
import { openWord } from './read-docx.js';

const SOURCE = fileURLToPath(new URL('../../content', import.meta.url));
const ITALIC_FACE = /italic|oblique/i;

interface Built {
  result: BuildResult;
  pdf: Uint8Array;
  docx?: Uint8Array;
  pages: PdfJsPage[];
  spans: Span[];
  images: Box[];
  checks: CheckResult[];
  doc: PDFDocument;
  /** Texts of the screen-reader labels of the printed HTML (1px, transparent in print). */
  hidden: string[];
}

let session: BrowserSession;
const built = new Map<number, Built>();
let again: Uint8Array;

async function buildAt(bodyPt: number, withDocx: boolean): Promise<Built> {
  const result = await build({
    source: SOURCE,
    formats: withDocx ? ['pdf', 'docx'] : ['pdf'],
    version: '1.0',
    date: '2026-11-01',
    session,
    largePrint: { bodyPt },
  });
  const pdf = result.outputs.find((o) => o.format === 'pdf')!.bytes;
  const docx = result.outputs.find((o) => o.format === 'docx')?.bytes;
  const pages = await readWithPdfJs(pdf);
  const { html } = await renderHtml(result.handbook, {
    mode: 'print',
    assetsRoot: SOURCE,
    profile: printProfile({ bodyPt }),
  });
  const hidden = [
    ...html.matchAll(/<span class="[^"]*\bhb-visually-hidden\b[^"]*"[^>]*>([^<]*)<\/span>/g),
  ].map((m) => m[1]!.trim());
  return {
    result,
    pdf,
    ...(docx ? { docx } : {}),
    pages,
    spans: await textSpans(pdf),
    images: await imageBoxes(pdf),
    checks: await checkPdf(pdf, { pages }),
    doc: await PDFDocument.load(pdf, { updateMetadata: false }),
    hidden,
  };
}

before(async () => {
  session = await openSession();
  built.set(16, await buildAt(16, true));
  built.set(24, await buildAt(24, false));
  const second = await build({
    source: SOURCE,
    formats: ['pdf'],
    version: '1.0',
    date: '2026-11-01',
    session,
    largePrint: true,
  });
  again = second.outputs[0]!.bytes;
});

describe('large print builds are reproducible', () => {
  it('two builds at 16 pt give the same PDF bytes', () => {
    assert.ok(Buffer.from(again).equals(Buffer.from(built.get(16)!.pdf)));
  });
});

after(async () => {
  await session?.close();
});

for (const bodyPt of [16, 24]) {
  describe(`large print PDF at ${bodyPt} pt`, () => {
    const get = (): Built => built.get(bodyPt)!;

    it('sets every text on every page at the body size or larger', () => {
      const { spans, hidden } = get();
      assert.ok(spans.length > 1000, `${spans.length} spans`);
      const small = spans.filter((s) => s.size < bodyPt - 0.01);
      // The screen-reader labels are the only smaller text: 1 px (0.75 pt), transparent.
      const labels = small.filter((s) => s.size < 1 && hidden.includes(s.text.trim()));
      const rest = small.filter((s) => !labels.includes(s));
      assert.deepEqual(
        rest.slice(0, 10).map((s) => `p${s.page} ${s.size.toFixed(2)} pt "${s.text}"`),
        [],
      );
      // The most common size is the body size: the pages were not shrunk to fit.
      const count = new Map<number, number>();
      for (const s of spans)
        count.set(Math.round(s.size * 2) / 2, (count.get(Math.round(s.size * 2) / 2) ?? 0) + 1);
      assert.equal([...count].sort((a, b) => b[1] - a[1])[0]![0], bodyPt);
      assert.ok(
        spans.some((s) => s.size >= bodyPt * 1.5 - 0.01),
        'headings are larger',
      );
    });

    it('embeds no italic face', async () => {
      const names = await fontNames(get().pdf);
      assert.ok(
        names.some((n) => /SourceSans3/.test(n)),
        names.join(', '),
      );
      assert.deepEqual(
        names.filter((n) => ITALIC_FACE.test(n)),
        [],
      );
    });

    it('sets text ragged right, never justified', () => {
      const { spans, pages } = get();
      // Right-aligned on purpose: the contents' page column and the footer's version.
      const contents = new Set(contentsPages(pages).map((i) => i + 1));
      const lines = lineEnds(spans, bodyPt).filter(
        (l) => !contents.has(l.page) && !/Version 1\.0 · /.test(l.text),
      );
      assert.ok(lines.length > 200, `${lines.length} body lines`);
      // Justified text ends its full lines at the column's right edge; ragged text rarely does.
      const edge = Math.max(...lines.map((l) => l.right));
      const flush = lines.filter((l) => edge - l.right < 1);
      assert.ok(
        flush.length / lines.length < 0.05,
        `${flush.length} of ${lines.length} lines end at x=${edge.toFixed(1)}`,
      );
      const spread = new Set(lines.map((l) => Math.round(l.right)));
      assert.ok(spread.size > 100, `${spread.size} distinct line ends`);
    });

    it('prints, for every contents entry, a page that holds its heading', () => {
      // The page named, not the first page with a matching line: at large sizes a chapter
      // title wraps, and its first line may read like the section after it.
      const { pages, result } = get();
      const lines = readContents(pages, result.handbook);
      const after = Math.max(...contentsPages(pages)) + 1;
      const headingSize = bodyPt * 1.08;
      assert.ok(lines.length > result.handbook.chapters.length, 'chapters and sections');
      let last = after;
      for (const e of lines) {
        assert.ok(e.printed !== undefined, `no contents line for "${e.title}"`);
        assert.ok(e.printed >= last, `"${e.title}": ${e.printed} comes before ${last}`);
        const page = pages[e.printed - 1];
        assert.ok(
          page && hasHeading(page, e.title, headingSize),
          `"${e.title}": not a heading on page ${e.printed} (first found on ${e.headingPage})`,
        );
        last = e.printed;
      }
    });

    it('has the running head and "Page N of M" at the body size', () => {
      const { pages, spans } = get();
      const m = pages.length;
      pages.forEach((p, i) => {
        if (i === 0) return;
        assert.ok(
          p.lines.some((l) => l.includes(`Page ${i + 1} of ${m}`)),
          `page ${i + 1}: ${p.lines.at(-1)}`,
        );
      });
      const foot = spans.filter((s) => /^Page \d+ of \d+$/.test(s.text.trim()));
      assert.ok(foot.length >= m - 1);
      for (const s of foot) assert.ok(Math.abs(s.size - bodyPt) < 0.01, `${s.text}: ${s.size}`);
    });

    it('shows the chapter title as running head on every page of the chapter', () => {
      const { pages, result } = get();
      const chapters = readContents(pages, result.handbook).filter((e) => e.depth === 1);
      const lastBody = pages.length - 1; // the colophon has no running head
      chapters.forEach((c, i) => {
        const end = (chapters[i + 1]?.printed ?? lastBody + 1) - 1;
        for (let n = c.printed!; n <= end && n <= lastBody; n++) {
          assert.equal(pages[n - 1]!.lines[0], c.title, `running head of page ${n}`);
        }
      });
    });

    it('numbers the link notes as tagged labels, and keeps the bookmarks', () => {
      const { pages, result } = get();
      const doc = get().doc;
      const notes = listItems(doc, pages).filter((i) => /^\[\d+\]$/.test(i.label ?? ''));
      assert.ok(notes.length > 0, 'link notes are labelled');
      for (const n of notes) assert.equal(n.numbering, 'Decimal', `note ${n.label}`);
      assert.deepEqual(outlineTitles(doc), expectedBookmarks(result.handbook));
    });

    it('puts no text over an image', () => {
      const { spans, images } = get();
      assert.ok(images.length > 0, 'the guide has an image');
      const over = images.flatMap((b) => spans.filter((s) => overlaps(s, b)));
      assert.deepEqual(
        over.map((s) => `p${s.page} "${s.text}"`),
        [],
      );
    });

    it('prints on A4 portrait', () => {
      for (const p of get().pages) {
        assert.ok(
          Math.abs(p.size[0] - 595.28) < 1 && Math.abs(p.size[1] - 841.89) < 1,
          `${p.size}`,
        );
      }
    });

    it('passes every condition of the independent PDF/UA-1 check', (t) =>
      conditionTests(t, get().checks));
  });
}

describe('large print DOCX at 16 pt', () => {
  const word = () => openWord(built.get(16)!.docx!);

  it('sets every run at 16 pt (32 half-points) or larger', () => {
    const { runs } = word();
    assert.ok(runs.length > 1000, `${runs.length} runs`);
    const small = runs.filter((r) => r.size < 32);
    assert.deepEqual(
      small.slice(0, 10).map((r) => `${r.part} ${r.size} "${r.text}"`),
      [],
    );
    assert.ok(
      runs.some((r) => r.part.includes('header')) && runs.some((r) => r.part.includes('footer')),
    );
  });

  it('has no italics anywhere: emphasis is bold', () => {
    const { runs, styles, parts } = word();
    assert.deepEqual(
      runs
        .filter((r) => r.italic)
        .slice(0, 10)
        .map((r) => r.text),
      [],
    );
    for (const [name, root] of parts) {
      const on = descendants(root, 'w:i').filter(
        (e) => !['false', '0', 'off'].includes(e.attrs['w:val'] ?? ''),
      );
      assert.equal(on.length, 0, `${name}: w:i`);
    }
    const emphasis = descendants(styles, 'w:style').find(
      (s) => s.attrs['w:styleId'] === 'Emphasis',
    )!;
    assert.ok(descendants(emphasis, 'w:b').length === 1, 'Emphasis is bold');
  });

  it('justifies nothing', () => {
    for (const [name, root] of word().parts) {
      const jc = descendants(root, 'w:jc').map((e) => e.attrs['w:val']);
      assert.deepEqual(
        jc.filter((v) => v === 'both' || v === 'distribute' || v?.endsWith('Kashida')),
        [],
        name,
      );
    }
  });

  it('keeps the contents as page references to every heading', () => {
    const doc = word().parts.get('word/document.xml')!;
    const refs = descendants(doc, 'w:instrText').filter((e) =>
      /PAGEREF/.test(String(e.children[0])),
    );
    assert.ok(refs.length >= built.get(16)!.result.handbook.chapters.length, `${refs.length}`);
  });
});
