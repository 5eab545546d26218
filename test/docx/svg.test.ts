/**
 * SVG images: a PNG rendering for every reader, the SVG kept beside it for Word (asvg:svgBlip),
 * the same bytes on every build; an SVG that refers outside itself is not embedded and said so.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { strFromU8, unzipSync } from 'fflate';
import { Diagnostics } from '../../src/diagnostics.js';
import { sanitizeSvg } from '../../src/transform/sanitize.js';
import { renderDocx } from '../../src/docx/index.js';
import { assetsRoot } from './helpers.js';
import { sampleHandbook } from './sample-handbook.js';

const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 80" width="200" height="80">' +
  '<circle cx="50" cy="40" r="30" fill="#005eb8"/></svg>';

async function withImage(html: string, root: string) {
  // A copy: the sample's chapter trees are shared between calls.
  const hb = structuredClone(sampleHandbook());
  hb.chapters[0]?.body.children.push(...fromHtml(html, { fragment: true }).children);
  const diagnostics = new Diagnostics();
  const { bytes } = await renderDocx(hb, { assetsRoot: root, diagnostics });
  return { bytes, files: unzipSync(bytes), findings: diagnostics.sorted() };
}

describe('SVG images', () => {
  it('are embedded as a PNG with the SVG kept for Word', async () => {
    const root = assetsRoot();
    writeFileSync(path.join(root, 'assets', 'images', 'map.svg'), SVG);
    const html = '<p><img src="/assets/images/map.svg" alt="Map of the merged practices"></p>';
    const { bytes, files, findings } = await withImage(html, root);
    const media = Object.keys(files).filter((n) => n.startsWith('word/media/'));
    const svg = media.find((n) => n.endsWith('.svg'));
    const png = media.find(
      (n) => n.endsWith('.png') && strFromU8(files[n] ?? new Uint8Array(), true).includes('IHDR'),
    );
    assert.ok(svg && png, media.join(', '));
    // The SVG kept is the one the sanitiser passed (the same allow-list as SVG in pages).
    assert.equal(strFromU8(files[svg] ?? new Uint8Array()), sanitizeSvg(SVG).text);
    const pngBytes = files[png] ?? new Uint8Array();
    // The PNG is drawn at the raster width (sharp on paper), not the SVG's 200 px.
    assert.equal(Buffer.from(pngBytes).readUInt32BE(16), 1200);
    const doc = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    assert.match(doc, /<asvg:svgBlip [^>]*r:embed="[^"]+"/);
    assert.match(doc, /descr="Map of the merged practices"/);
    // Drawn at the SVG's own size: 200 × 80 px at 96 dpi.
    assert.match(doc, /<wp:extent cx="1905000" cy="762000"\/>/);
    assert.doesNotMatch(doc, /\[Image: Map/);
    assert.deepEqual(
      findings
        .filter((f) => f.code === 'docx-image-missing')
        .map((f) => f.message)
        .filter((m) => m.includes('map.svg')),
      [],
    );
    assert.match(strFromU8(files['[Content_Types].xml'] ?? new Uint8Array()), /Extension="svg"/);
    const again = await withImage(html, root);
    assert.equal(Buffer.compare(Buffer.from(bytes), Buffer.from(again.bytes)), 0, 'same bytes');
  });

  it('never carry a reference to a file outside themselves', async () => {
    const root = assetsRoot();
    const hostile = SVG.replace(
      '</svg>',
      '<image href="/etc/passwd" width="10" height="10"/></svg>',
    );
    writeFileSync(path.join(root, 'assets', 'images', 'bad.svg'), hostile);
    const { files, findings } = await withImage(
      '<p><img src="/assets/images/bad.svg" alt="Bad map"></p>',
      root,
    );
    // The sanitiser drops the outside reference when the file is read (src/assets.ts); the
    // DOCX refuses any SVG that still has one, so no part of the package may name it.
    const doc = strFromU8(files['word/document.xml'] ?? new Uint8Array());
    for (const [name, data] of Object.entries(files))
      assert.doesNotMatch(strFromU8(data, true), /\/etc\/passwd/, name);
    assert.match(doc, /descr="Bad map"/);
    assert.deepEqual(
      findings.filter((f) => f.message.includes('bad.svg')).map((f) => f.message),
      [],
    );
  });
});
