import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
const fin = await import('../src/pdf/finish/artifacts.js');
const bytes = readFileSync(process.argv[2]!);
const doc = await PDFDocument.load(bytes, { updateMetadata: false });
const c = Buffer.from(fin.pageContent(doc, doc.getPages()[Number(process.argv[3] ?? 8)]!)!.bytes).toString('latin1');
const re = /(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re\nf/g;
const ys = new Map<string, number>(); const xs = new Set<string>(); let m; let n = 0;
while ((m = re.exec(c))) { n++; if (m[3] === '1' && m[4] === '1') { ys.set(m[2]!, (ys.get(m[2]!) ?? 0) + 1); xs.add(m[1]!); } }
console.log('re f', n, 'distinct y', ys.size, 'distinct x', xs.size, [...ys].slice(0, 10));
const first = c.indexOf(' 1 1 re');
console.log(c.slice(Math.max(0, first - 1500), first + 200));
