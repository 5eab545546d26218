import { loadSource } from './src/load/index.js';
import { expandPages } from './src/liquid/index.js';
import { parsePage } from './src/markdown/index.js';
import { buildHandbook } from './src/transform/index.js';
import { Diagnostics, formatFinding } from './src/diagnostics.js';
import { toHtml } from 'hast-util-to-html';
const diag = new Diagnostics();
const tree = await loadSource('content', diag);
const expanded = await expandPages(tree, tree.order.map((o) => o.page), diag, { collect: true });
const parsed = expanded.map((e) => parsePage(e, diag));
const hb = buildHandbook(tree, parsed, { version: 'draft', date: '2024-06-01' }, diag);
for (const f of diag.sorted()) console.log(formatFinding(f), f.code);
console.log(hb.chapters.map((c) => `${c.id} [${c.outline.length}]`).join(', '));
console.log(hb.appendices.map((a) => a.id + ' ' + (toHtml(a.body).match(/<li/g) ?? []).length));
if (process.argv[2]) { const c = hb.chapters.find((c) => c.id === process.argv[2]); console.log(c ? toHtml(c.body) : expanded.find(e=>e.page.permalink===process.argv[3])?.markdown); }
