/**
 * `handbook build` of the documentation-site fixtures leaves no raw Jekyll or kramdown markup
 * in any output: no `{:` IAL, `{%` / `{{` Liquid, `[^` footnote, `](` link or `markdown="`
 * attribute in the HTML handbook's text and markup, nor in the Word handbook's text. The PDF
 * is printed from the same HTML. Markers the kramdown reader removes are listed per site in
 * KNOWN_RAW_GAPS (delete after merging it); a listed marker that no longer occurs fails.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { build } from '../../src/build.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const MARKERS = ['{:', '{%', '{{', '[^', '](', 'markdown="'] as const;

/** The kramdown reader's constructs these fixtures use: IALs, `markdown="span"` HTML. */
const SITES = ['site-documentation-theme', 'site-just-the-docs'];
const KNOWN_RAW_GAPS: Record<string, string[]> = {};

/** Code shows markup on purpose (`{% raw %}` examples, as on the website). */
const CODE = /<(pre|code)\b[^>]*>([\s\S]*?)<\/\1>/gi;

/** The HTML's text outside code (markup, scripts and styles out). */
function htmlText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '')
    .replace(CODE, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'");
}

function docxText(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  return Object.entries(files)
    .filter(([name]) => /^word\/(document|footnotes|endnotes|header\d*|footer\d*)\.xml$/.test(name))
    .map(([, data]) => strFromU8(data).replace(/<[^>]*>/g, ''))
    .join('\n');
}

for (const site of SITES) {
  test(`handbook build of ${site}: no raw Jekyll or kramdown markup in the outputs`, async () => {
    const result = await build({
      source: path.join(fixtures, site),
      formats: ['html', 'docx'],
      version: 'draft',
      date: '2024-01-01',
      cache: false,
    });
    const html = result.outputs.find((o) => o.format === 'html');
    const docx = result.outputs.find((o) => o.format === 'docx');
    assert.ok(html && docx);
    const htmlSource = Buffer.from(html.bytes).toString('utf8');
    // The Word handbook's text without the code the HTML shows (the same examples).
    const code = [...htmlSource.matchAll(CODE)]
      .map((m) =>
        htmlText((m[2] ?? '').replace(/<[^>]*>/g, ''))
          .replace(/&amp;/g, '&')
          .trim(),
      )
      .filter(Boolean);
    const texts: Record<string, string> = {
      'handbook.html text': htmlText(htmlSource),
      'handbook.html markup': htmlSource.replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, ''),
      'handbook.docx text': code.reduce((t, c) => t.split(c).join(' '), docxText(docx.bytes)),
    };
    const known = KNOWN_RAW_GAPS[site] ?? [];
    const seen = new Set<string>();
    const leaks: string[] = [];
    for (const [where, text] of Object.entries(texts)) {
      for (const marker of MARKERS) {
        // In markup only the attribute counts: `{{`/`](` may be legitimate in attribute values.
        if (where.endsWith('markup') && marker !== 'markdown="') continue;
        const at = text.indexOf(marker);
        if (at < 0) continue;
        seen.add(marker);
        if (!known.includes(marker))
          leaks.push(`${where}: "${marker}" in …${text.slice(Math.max(0, at - 40), at + 40)}…`);
      }
    }
    for (const marker of known.filter((m) => !seen.has(m)))
      leaks.push(
        `KNOWN_RAW_GAPS['${site}'] lists ${marker}, which no output has any more: remove it`,
      );
    assert.deepEqual(leaks, []);
  });
}
