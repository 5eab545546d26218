/**
 * A full release with the PDF: twice, byte-identical; the version stamped in the PDF (Info and
 * XMP) and the Word file (core and custom properties); a document control page in the PDF.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { unzipSync, strFromU8 } from 'fflate';
import { release, verify } from '../../src/release/index.js';
import { openSession } from '../../src/pdf/index.js';
import { copyContent, snapshotDir, tempDir } from './tree.js';

async function pdfText(bytes: Uint8Array, pages: number[]): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const out: string[] = [];
  for (const n of pages) {
    if (n > doc.numPages) break;
    const content = await (await doc.getPage(n)).getTextContent();
    out.push(content.items.map((i) => ('str' in i ? i.str : '')).join(' '));
  }
  await doc.destroy();
  return out;
}

function xmp(doc: PDFDocument): string {
  const ref = doc.catalog.get(PDFName.of('Metadata'));
  const stream = ref ? doc.context.lookup(ref) : undefined;
  assert.ok(stream instanceof PDFRawStream, 'the PDF has an XMP metadata stream');
  return strFromU8(decodePDFRawStream(stream).decode());
}

test(
  'a full release is reproducible and carries its version in every format',
  { timeout: 600_000 },
  async (t) => {
    const tmp = await tempDir(t);
    const source = await copyContent(tmp);
    const session = await openSession({});
    t.after(() => session.close());
    const opts = { version: '4.2.0', date: '2026-11-30', source, session };
    const a = await release({ ...opts, out: join(tmp, 'a') });
    const b = await release({ ...opts, out: join(tmp, 'b') });

    const sa = await snapshotDir(a.dir);
    const sb = await snapshotDir(b.dir);
    assert.deepEqual(Object.keys(sa), [
      'CHANGES.md',
      'handbook.docx',
      'handbook.epub',
      'handbook.html',
      'handbook.pdf',
      'manifest.json',
      'snapshot.json',
    ]);
    for (const n of Object.keys(sa))
      assert.equal(sa[n]!.sha256, sb[n]!.sha256, `${n} differs between two releases`);
    assert.equal((await verify(a.dir)).ok, true);
    // The release's EPUB lists the pages of the release's own PDF.
    const epub = unzipSync(await readFile(join(a.dir, 'handbook.epub')));
    assert.match(strFromU8(epub['EPUB/nav.xhtml']!), /epub:type="page-list"/);

    const pdfBytes = await readFile(join(a.dir, 'handbook.pdf'));
    const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
    const entry = a.manifest.files.find((f) => f.name === 'handbook.pdf');
    assert.equal(entry?.pageCount, pdf.getPageCount());
    assert.match(pdf.getKeywords() ?? '', /version 4\.2\.0/);
    assert.equal(pdf.getCreationDate()?.toISOString().slice(0, 10), '2026-11-30');
    assert.match(xmp(pdf), /4\.2\.0/);
    assert.ok(
      a.manifest.browser &&
        a.manifest.browser.version.length > 0 &&
        !a.manifest.browser.executable.includes('/'),
    );

    // The document control page comes after the cover and lists the release.
    const [cover, second, third] = await pdfText(pdfBytes, [1, 2, 3]);
    assert.match(cover ?? '', /4\.2\.0/);
    const control = [second, third].find((p) => /Document control/.test(p ?? ''));
    assert.ok(control, 'a Document control page on page 2 or 3');
    assert.match(control, /4\.2\.0/);
    assert.match(control, /Release 4\.2\.0/);

    const docx = unzipSync(await readFile(join(a.dir, 'handbook.docx')));
    const core = strFromU8(docx['docProps/core.xml']!);
    const custom = strFromU8(docx['docProps/custom.xml'] ?? new Uint8Array());
    assert.match(core, /version 4\.2\.0/);
    assert.match(custom, /name="Version"[\s\S]*?4\.2\.0/);
    assert.match(strFromU8(docx['word/document.xml']!), /Document control/);
  },
);
