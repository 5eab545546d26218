/**
 * Errors a user can cause (bad sources, bad flags, no browser). They carry the file, line and
 * a hint, and the CLI prints them as one line without a stack trace. Anything else is a bug
 * and keeps its stack.
 */
export type ErrorCode =
  | 'SOURCE_NOT_FOUND'
  | 'UNREADABLE_FILE'
  | 'FRONT_MATTER'
  | 'CONFIG'
  | 'LIQUID'
  | 'NESTING'
  | 'TOO_LARGE'
  | 'UNKNOWN_INCLUDE'
  | 'UNKNOWN_CAPTURE'
  | 'INCLUDE_OUTSIDE_SOURCE'
  | 'BROWSER_NOT_FOUND'
  | 'BROWSER_FAILED'
  | 'PRINT_TIMEOUT'
  | 'RELEASE_EXISTS'
  | 'RELEASE_INVALID'
  | 'CHECK_FAILED'
  | 'OUTPUT'
  | 'NO_PAGES'
  | 'DUPLICATE_PERMALINK'
  | 'ENCODING'
  | 'PORT_IN_USE'
  | 'USAGE';

export class HandbookError extends Error {
  readonly code: ErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly hint: string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    where: { file?: string; line?: number; column?: number; hint?: string; cause?: unknown } = {},
  ) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause });
    this.name = 'HandbookError';
    this.code = code;
    this.file = where.file;
    this.line = where.line;
    this.column = where.column;
    this.hint = where.hint;
  }

  /** `file:line: error: message` + hint, the format `handbook check` uses for findings. */
  format(): string {
    const at = this.line ? `:${this.line}${this.column ? `:${this.column}` : ''}` : '';
    const where = this.file ? `${this.file}${at}: ` : '';
    return `${where}error: ${this.message}${this.hint ? `\n  hint: ${this.hint}` : ''}`;
  }
}

export function isHandbookError(e: unknown): e is HandbookError {
  return e instanceof HandbookError;
}
