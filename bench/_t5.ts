import { resolve } from 'node:path';
const { prepare } = await import('../src/prepare.js');
const { Timings } = await import('../src/progress.js');
const { renderHtml } = await import('../src/html/index.js');
const { openSession } = await import('../src/pdf/index.js');
const { preparePrintPage, PDF_OPTIONS } = await import('../src/pdf/print-page.js');
const { handbook, tree } = await prepare({ source: resolve('content'), version: 'b', date: '2024-01-02', timings: new Timings() });
const session = await openSession({ chrome: '/usr/bin/chromium' });
const { html } = await renderHtml(handbook, { mode: 'print', assetsRoot: tree.root });
const variants: Record<string, string> = {
  asis: html,
  relative: html.replace('transform: translateY(-0.25em);', 'position: relative; top: -0.25em;'),
  notransform: html.replace('transform: translateY(-0.25em);', ''),
};
console.log('replaced', variants.relative !== html);
await session.withPage(async (page) => {
  await preparePrintPage(page);
  for (let r = 0; r < 2; r++) for (const [k, h] of Object.entries(variants)) {
    await page.setContent(h, { waitUntil: 'load', timeout: 0 });
    await page.evaluate('document.fonts.ready');
    const t = performance.now();
    const pdf = await page.pdf({ ...PDF_OPTIONS, timeout: 0 });
    console.log(k, Math.round(performance.now() - t), 'ms', pdf.length, 'bytes');
    (await import('node:fs')).writeFileSync(`/tmp/v-${k}.pdf`, pdf);
  }
});
await session.close();
