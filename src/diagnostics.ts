/**
 * Findings about the sources (broken links, unreachable pages, editorial notes …).
 * Every stage reports into one `Diagnostics` collector; `handbook check` prints them
 * as `file:line: severity: message`.
 */
export type Severity = 'error' | 'warning' | 'note';

export interface Finding {
  /** Path of the source file, relative to the source root, POSIX separators. */
  file: string;
  /** 1-based line in that file, when known. */
  line?: number;
  severity: Severity;
  /** Stable machine-readable code, e.g. `broken-link`, `gap-note`, `unreachable-page`. */
  code: string;
  message: string;
  /** What the editor can do about it. */
  hint?: string;
}

export class Diagnostics {
  readonly findings: Finding[] = [];

  add(finding: Finding): void {
    // No `undefined` members: findings compare and serialise (cache, --json) the same way.
    const clean = Object.fromEntries(
      Object.entries(finding).filter(([, v]) => v !== undefined),
    ) as unknown as Finding;
    this.findings.push(clean);
  }

  error(
    file: string,
    line: number | undefined,
    code: string,
    message: string,
    hint?: string,
  ): void {
    this.add({ file, line, severity: 'error', code, message, hint });
  }

  warning(
    file: string,
    line: number | undefined,
    code: string,
    message: string,
    hint?: string,
  ): void {
    this.add({ file, line, severity: 'warning', code, message, hint });
  }

  note(file: string, line: number | undefined, code: string, message: string, hint?: string): void {
    this.add({ file, line, severity: 'note', code, message, hint });
  }

  count(severity: Severity): number {
    return this.findings.filter((f) => f.severity === severity).length;
  }

  /** Findings sorted by file, then line, then message: stable output for reports and tests. */
  sorted(): Finding[] {
    // Code-unit order, not localeCompare: the same on every machine, and no ICU collator
    // to initialise (tens of milliseconds of a `check`).
    const cmp = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);
    return [...this.findings].sort(
      (a, b) => cmp(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || cmp(a.message, b.message),
    );
  }
}

export function formatFinding(f: Finding): string {
  const where = f.line === undefined ? f.file : `${f.file}:${f.line}`;
  return `${where}: ${f.severity}: ${f.message}${f.hint ? ` (${f.hint})` : ''}`;
}

/**
 * The 1-based line of the first occurrence of `needle` in `text`, offset by `firstLine - 1`.
 * Liquid expansion moves lines around, so findings about expanded Markdown are located by
 * searching the original source for the text that caused them.
 */
export function lineOf(text: string, needle: string, firstLine = 1): number | undefined {
  const at = text.indexOf(needle);
  if (at < 0) return undefined;
  let line = firstLine;
  for (let i = 0; i < at; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
