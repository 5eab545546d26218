/**
 * Word-level comparison of two texts: an LCS diff for "what changed" summaries and a cheap
 * bag-of-words similarity for pairing renamed sections.
 */

export type WordOp = { type: 'same' | 'add' | 'del'; words: string[] };

export interface WordDiff {
  added: number;
  removed: number;
  ops: WordOp[];
}

export function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** Above this many cells the middle of the diff is reported as replaced wholesale. */
const MAX_CELLS = 4_000_000;

function push(ops: WordOp[], type: WordOp['type'], w: string[]): void {
  if (w.length === 0) return;
  const last = ops[ops.length - 1];
  if (last?.type === type) last.words.push(...w);
  else ops.push({ type, words: [...w] });
}

/** LCS table from the end, so the walk forward can read it directly. */
function lcsOps(a: string[], b: string[], ops: WordOp[]): void {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    push(ops, 'del', a);
    push(ops, 'add', b);
    return;
  }
  const w = m + 1;
  const t = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      t[i * w + j] =
        a[i] === b[j]
          ? t[(i + 1) * w + j + 1]! + 1
          : Math.max(t[(i + 1) * w + j]!, t[i * w + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(ops, 'same', [a[i]!]);
      i++;
      j++;
    } else if (t[(i + 1) * w + j]! >= t[i * w + j + 1]!) {
      push(ops, 'del', [a[i]!]);
      i++;
    } else {
      push(ops, 'add', [b[j]!]);
      j++;
    }
  }
  push(ops, 'del', a.slice(i));
  push(ops, 'add', b.slice(j));
}

export function diffWords(before: string, after: string): WordDiff {
  const a = words(before);
  const b = words(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  )
    end++;
  const ops: WordOp[] = [];
  push(ops, 'same', a.slice(0, start));
  lcsOps(a.slice(start, a.length - end), b.slice(start, b.length - end), ops);
  push(ops, 'same', a.slice(a.length - end));
  const count = (type: WordOp['type']): number =>
    ops.filter((o) => o.type === type).reduce((s, o) => s + o.words.length, 0);
  return { added: count('add'), removed: count('del'), ops };
}

/** Dice coefficient over the two multisets of words (case-insensitive): 0 … 1. */
export function similarity(a: string, b: string): number {
  const wa = words(a.toLowerCase());
  const wb = words(b.toLowerCase());
  if (wa.length + wb.length === 0) return 1;
  const bag = new Map<string, number>();
  for (const x of wa) bag.set(x, (bag.get(x) ?? 0) + 1);
  let common = 0;
  for (const x of wb) {
    const k = bag.get(x) ?? 0;
    if (k > 0) {
      common++;
      bag.set(x, k - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

function excerpt(w: string[], max = 12): string {
  return w.length <= max ? w.join(' ') : `${w.slice(0, max).join(' ')} …`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

interface Hunk {
  index: number;
  before: string[];
  after: string[];
}

/**
 * Changes close together read as one edit: runs of up to `glue` unchanged words between two
 * changes are taken into the hunk, so "from ‘registering intent’ to ‘placing the order’"
 * is quoted whole rather than as scattered words.
 */
function hunks(ops: WordOp[], glue = 2): Hunk[] {
  const out: Hunk[] = [];
  let cur: Hunk | undefined;
  ops.forEach((o, i) => {
    if (o.type === 'same') {
      const bridges = cur && o.words.length <= glue && i < ops.length - 1;
      if (bridges) {
        cur!.before.push(...o.words);
        cur!.after.push(...o.words);
      } else cur = undefined;
      return;
    }
    if (!cur) {
      cur = { index: i, before: [], after: [] };
      out.push(cur);
    }
    (o.type === 'add' ? cur.after : cur.before).push(...o.words);
  });
  return out;
}

/**
 * "+42 words, −17 words; added ‘…’; removed ‘…’": the counts, then the largest edits (at
 * most `runs`), in reading order, quoting their new and old wording.
 */
export function summariseDiff(d: WordDiff, runs = 2): string {
  const counts = [
    d.added ? `+${plural(d.added, 'word')}` : '',
    d.removed ? `−${plural(d.removed, 'word')}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const size = (h: Hunk): number => Math.max(h.before.length, h.after.length);
  const chosen = hunks(d.ops)
    .sort((x, y) => size(y) - size(x) || x.index - y.index)
    .slice(0, runs)
    .sort((x, y) => x.index - y.index);
  const added = chosen.filter((h) => h.after.length).map((h) => `‘${excerpt(h.after)}’`);
  const removed = chosen.filter((h) => h.before.length).map((h) => `‘${excerpt(h.before)}’`);
  return [
    counts || 'no word changes',
    added.length ? `added ${added.join(', ')}` : '',
    removed.length ? `removed ${removed.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('; ');
}
