import { resolve } from 'node:path';
const { loadSource } = await import('../src/load/index.js');
const { Diagnostics } = await import('../src/diagnostics.js');
const { expandPages } = await import('../src/liquid/index.js');
const { parsePage } = await import('../src/markdown/index.js');
const d = new Diagnostics();
const tree = await loadSource(resolve('content'), d);
const pages = tree.order.map((o) => o.page);
for (let r = 0; r < 4; r++) {
  let t = performance.now();
  const ex = await expandPages(tree, pages, d, { collect: true });
  const tl = performance.now() - t; t = performance.now();
  const parsed = ex.map((p) => parsePage(p, d));
  const tm = performance.now() - t;
  console.log('liquid', Math.round(tl), 'markdown', Math.round(tm), 'expanded chars', ex.reduce((n, p) => n + p.markdown.length, 0), 'raw body chars', pages.reduce((n, p) => n + p.body.length, 0), parsed.length);
}
