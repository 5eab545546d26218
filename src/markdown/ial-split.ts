/**
 * kramdown ends a paragraph at a block IAL line (`{: .x}`, `{:ref}`): the lines after it
 * start a new paragraph. CommonMark reads them all as one paragraph, so a paragraph with an
 * IAL line inside is cut after that line; the IAL pass then finds it as the first piece's
 * trailing line, as it would under any paragraph.
 */
import type { Paragraph, PhrasingContent } from 'mdast';
import { ALD_LINE, IAL_LINE } from './attribute-list.js';

const isListLine = (line: string): boolean => IAL_LINE.test(line) || ALD_LINE.test(line);

export function splitAtIalLines(p: Paragraph): Paragraph[] {
  const pieces: Paragraph[] = [];
  let current: PhrasingContent[] = [];
  for (const child of p.children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      current.push(child);
      continue;
    }
    const lines = child.value.split('\n');
    let from = 0;
    for (let i = 0; i < lines.length - 1; i++) {
      if (!isListLine(lines[i] ?? '') || isListLine(lines[i + 1] ?? '')) continue;
      // Leading IAL lines belong to what follows them: the IAL pass takes those.
      if (current.length === 0 && lines.slice(from, i).every(isListLine)) continue;
      const value = lines.slice(from, i + 1).join('\n');
      if (value) current.push({ type: 'text', value });
      pieces.push({ type: 'paragraph', children: current });
      current = [];
      from = i + 1;
    }
    const rest = lines.slice(from).join('\n');
    if (rest) current.push(from === 0 ? child : { type: 'text', value: rest });
  }
  if (pieces.length === 0) return [p];
  if (current.length) pieces.push({ type: 'paragraph', children: current });
  return pieces.map((piece, i) => (i === 0 ? { ...piece, position: p.position } : piece));
}
