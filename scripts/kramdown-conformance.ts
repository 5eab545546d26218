/**
 * How many of a directory of kramdown test inputs (`*.text`, as kramdown's and the GFM
 * parser's repositories keep them in test/testcases) our Markdown stage reads exactly as real
 * kramdown does with Jekyll's options: same elements in the same order, same visible text.
 *
 *   node --import tsx scripts/kramdown-conformance.ts DIR [--verbose]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  firstDifference,
  htmlStructure,
  kramdownAvailable,
  kramdownHtmlOfFiles,
  ourTree,
  structure,
} from '../test/markdown/oracle/oracle.js';

function textFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return textFiles(path);
      return name.endsWith('.text') ? [path] : [];
    })
    .sort();
}

const [dir, ...flags] = process.argv.slice(2);
if (!dir) {
  process.stderr.write('usage: kramdown-conformance.ts DIR [--verbose]\n');
  process.exit(2);
}
if (!kramdownAvailable()) {
  process.stderr.write('ruby with kramdown and kramdown-parser-gfm is needed\n');
  process.exit(1);
}
const files = textFiles(dir);
const expected = kramdownHtmlOfFiles(files);
let same = 0;
for (const file of files) {
  const ours = structure(ourTree(readFileSync(file, 'utf8')));
  const theirs = htmlStructure(expected[file] ?? '');
  const diff = firstDifference(theirs, ours);
  if (!diff) same++;
  if (flags.includes('--verbose')) {
    process.stdout.write(`${diff ? 'DIFF' : 'same'} ${relative(dir, file)}\n`);
    if (diff) process.stdout.write(`${diff}\n`);
  }
}
const pct = files.length ? ((100 * same) / files.length).toFixed(0) : '0';
process.stdout.write(`${same} of ${files.length} identical (${pct}%)\n`);
