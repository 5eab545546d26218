/**
 * What text extraction and the tree say about the hidden labels, independently of the
 * finishing code: poppler's pdftotext (what copy and paste, search and indexing see) and the
 * label spans of the handbook tree (what the transform decided assistive technology hears).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import type { Handbook } from '../../src/model.js';

/** pdftotext's reading of the file (reading order, no layout). */
export function pdftotext(bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'hb-extract-'));
  try {
    const file = join(dir, 'handbook.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every span.hb-label[data-hb-label=hidden] of the handbook, in order (trimmed). */
export function hiddenLabels(hb: Handbook): string[] {
  const out: string[] = [];
  for (const c of [...hb.chapters, ...hb.appendices]) {
    const stack: (Root | RootContent)[] = [c.body];
    while (stack.length > 0) {
      const n = stack.pop()!;
      if (n.type === 'element' && n.properties['dataHbLabel'] === 'hidden') {
        out.push(toText(n as Element).trim());
        continue;
      }
      if ('children' in n)
        for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
    }
  }
  return out;
}
