/**
 * Editors' notes: `<!-- [GAP] … -->` (missing content) and `<!-- [UPLIFT] … -->` (why text
 * changed). They never reach a handbook, but each is reported with its page and line. Liquid
 * has moved lines by the time Markdown is parsed, so the notes are found in the source file
 * as the editor wrote it (`page.raw`), each comment once, in order.
 */
import type { Diagnostics } from '../diagnostics.js';
import type { SourceFile } from '../model.js';

export interface EditorialNote {
  kind: 'GAP' | 'UPLIFT';
  /** 1-based line in the source file of the `[GAP]` / `[UPLIFT]` marker. */
  line: number;
  text: string;
}

const COMMENT = /<!--([\s\S]*?)(?:-->|$)/g;
const MARKER = /\[(GAP|UPLIFT)\]/gi;

export function findEditorialNotes(raw: string): EditorialNote[] {
  const notes: EditorialNote[] = [];
  for (const comment of raw.matchAll(COMMENT)) {
    const inner = comment[1] ?? '';
    const innerStart = (comment.index ?? 0) + 4;
    const seen = new Set<string>();
    const markers = [...inner.matchAll(MARKER)];
    markers.forEach((m, i) => {
      const kind = (m[1] ?? '').toUpperCase() as EditorialNote['kind'];
      if (seen.has(kind)) return;
      seen.add(kind);
      const from = (m.index ?? 0) + m[0].length;
      const to = markers[i + 1]?.index ?? inner.length;
      notes.push({
        kind,
        line: lineAt(raw, innerStart + (m.index ?? 0)),
        text: clean(inner.slice(from, to)),
      });
    });
  }
  return notes;
}

/** Every GAP and UPLIFT note of a source file (a page, a collection document, a partial). */
export function reportEditorialNotes(
  page: Pick<SourceFile, 'path' | 'raw'>,
  diag: Diagnostics,
): void {
  for (const note of findEditorialNotes(page.raw)) {
    const text = note.text || '(no text)';
    if (note.kind === 'GAP') {
      diag.warning(
        page.path,
        note.line,
        'gap-note',
        `[GAP] ${text}`,
        'missing content: add it or remove the note',
      );
    } else {
      diag.note(page.path, note.line, 'uplift-note', `[UPLIFT] ${text}`);
    }
  }
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** One line of note text: whitespace collapsed, Liquid tags left as written, kept short. */
function clean(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 240 ? `${flat.slice(0, 237)}…` : flat;
}
