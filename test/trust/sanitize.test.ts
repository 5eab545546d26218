/**
 * Issue 11 item 1: raw HTML in a page can neither run, fetch nor embed anything in any output.
 * A hostile page (built here) aims every trick at a local listener; the build succeeds, each
 * removal is a warning with its line, the HTML, DOCX and PDF carry none of it, and neither the
 * build nor opening the built HTML in Chromium makes a single connection.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync, strFromU8 } from 'fflate';
import { launchTestBrowser } from '../helpers/chromium.js';
import { listen, makeSite, page, run } from './hostile.js';

function hostileBody(port: number): string {
  const u = `http://127.0.0.1:${port}`;
  const svg = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" onload="fetch('${u}/svgload')"><script>fetch('${u}/svgscript')</script><image href="${u}/svgimage"/><rect width="4" height="4"/></svg>`,
  ).toString('base64');
  return [
    '# Hostile page', // 5
    '',
    `Text <script>fetch('${u}/inline')</script> and <img src="${u}/img.png" onerror="fetch('${u}/onerror')" alt="pic">.`, // 7
    '',
    `<script src="${u}/src.js"></script>`, // 9
    `<iframe src="${u}/iframe"></iframe>`,
    `<object data="${u}/object"></object>`,
    `<embed src="${u}/embed">`,
    `<svg onload="fetch('${u}/svg')"><circle r="4"/><foreignObject><iframe src="${u}/fo"></iframe></foreignObject></svg>`,
    `<meta http-equiv="refresh" content="0;url=${u}/refresh">`,
    `<base href="${u}/">`,
    `<link rel="stylesheet" href="${u}/style.css"><link rel="prefetch" href="${u}/prefetch"><link rel="preconnect" href="${u}">`,
    `<form action="${u}/form"><input type="text" name="q"><button formaction="${u}/b">Go</button></form>`,
    `<style>@import url(${u}/import.css);</style>`,
    `<p style="background:url(${u}/bg)" onclick="fetch('${u}/click')">styled</p>`, // 19
    '',
    `[js](javascript:fetch('${u}/js')) [vb](vbscript:x) [dt](data:text/html,hi) [file](file:///etc/passwd) [ok](https://example.org/) [mail](mailto:a@example.org) [far](//evil.example/x)`, // 21
    '',
    `<a href="jav&#x09;ascript:alert(1)">tab</a> <a href="${u}/plain">a plain http link</a>`, // 23
    '',
    '- [ ] to do',
    '- [x] done',
    '',
    `![drawing](data:image/svg+xml;base64,${svg})`, // 28
    '![page](data:text/html;base64,PGI+eDwvYj4=)',
  ].join('\n');
}

test('hostile raw HTML: removed from every output, reported with its line, no request', async () => {
  const listener = await listen();
  const site = makeSite({
    '_config.yml': 'title: Hostile\n',
    'guide/index.md': page('Hostile page', '/guide/', hostileBody(listener.port)),
  });
  const browser = await launchTestBrowser();
  try {
    // The listener does see a connection when one is made (the zero below means something).
    await fetch(`http://127.0.0.1:${listener.port}/probe`).then((r) => r.text());
    assert.equal(listener.connections(), 1);
    const check = await run(['check', '--source', site.dir, '--json', '--no-cache']);
    assert.equal(check.code, 0, check.stderr);
    const { findings } = JSON.parse(check.stdout) as {
      findings: { file: string; line?: number; code: string; message: string }[];
    };
    const unsafe = findings.filter((f) => f.code === 'unsafe-html');
    const at = (line: number, re: RegExp): void =>
      assert.ok(
        unsafe.some((f) => f.file === 'guide/index.md' && f.line === line && re.test(f.message)),
        `no finding at line ${line} matching ${re}:\n${unsafe.map((f) => `${f.line}: ${f.message}`).join('\n')}`,
      );
    at(7, /<script> removed: the website would run a script/);
    at(7, /onerror=.* removed/);
    at(7, /remote image .*img\.png not embedded/);
    at(9, /<script> removed/);
    at(10, /<iframe> removed/);
    at(14, /<meta> removed/);
    at(16, /<link> removed/);
    at(17, /<input> removed/);
    at(23, /link to jav\tascript:/);
    at(19, /style attribute on <p> removed/);
    at(21, /link to javascript:/);
    at(21, /link to file:\/\/\/etc\/passwd/);
    at(21, /link to \/\/evil\.example/);
    at(28, /in an SVG image: <script> removed/);

    const build = await run(['build', '--source', site.dir, '--out', site.out, '--no-cache']);
    assert.equal(build.code, 0, build.stderr);
    const html = readFileSync(join(site.out, 'handbook.html'), 'utf8');
    for (const bad of [
      /<script/i,
      /<iframe/i,
      /<object/i,
      /<embed/i,
      /<form/i,
      /<base/i,
      /<link/i,
      /<foreignObject/i,
      /\son[a-z]+=/i,
      /javascript:|vbscript:|file:|data:text/i,
      /@import/i,
      new RegExp(`127\\.0\\.0\\.1:${listener.port}/(?!plain)`),
    ])
      assert.doesNotMatch(html, bad);
    assert.equal(
      (html.match(/<meta /g) ?? []).length,
      (html.match(/<meta (charset|name)=/g) ?? []).length,
    );
    // Task-list checkboxes survive as disabled checkboxes; the text input does not.
    // Each keeps its accessible name (the item's text, from the Markdown stage).
    assert.equal(
      (html.match(/<input type="checkbox"[^>]* disabled[^>]* aria-label="[^"]+"[^>]*>/g) ?? [])
        .length,
      2,
    );
    assert.doesNotMatch(html, /<input type="text"/);
    // The SVG inside the data: URL was cleaned too.
    for (const m of html.matchAll(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g)) {
      const svg = Buffer.from(m[1]!, 'base64').toString('utf8');
      assert.doesNotMatch(svg, /script|onload|<image|127\.0\.0\.1/i, svg);
    }

    const docx = unzipSync(readFileSync(join(site.out, 'handbook.docx')));
    const xml = Object.entries(docx)
      .filter(([n]) => n.endsWith('.xml') || n.endsWith('.rels'))
      .map(([, b]) => strFromU8(b))
      .join('\n');
    assert.doesNotMatch(xml, /javascript:|vbscript:|file:|data:text/i);
    assert.match(xml, /Target="https:\/\/example\.org\/"/);

    const pdf = readFileSync(join(site.out, 'handbook.pdf')).toString('latin1');
    const uris = [...pdf.matchAll(/\/URI\s*\(([^)]*)\)/g)].map((m) => m[1]);
    assert.ok(uris.includes('https://example.org/'), uris.join(' '));
    for (const uri of uris) assert.match(uri!, /^(https?:\/\/[^/]|mailto:)/, uri);

    // Opening the handbook for real (file://, no interception): nothing runs, nothing loads.
    const tab = await browser.browser.newPage();
    await tab.goto(pathToFileURL(join(site.out, 'handbook.html')).href, { waitUntil: 'load' });
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(tab.url(), pathToFileURL(join(site.out, 'handbook.html')).href);
    await tab.close();
    assert.equal(listener.connections(), 1, listener.seen.join('\n'));
  } finally {
    await browser.close();
    await listener.close();
    site.remove();
  }
});
