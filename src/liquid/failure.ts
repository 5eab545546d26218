/**
 * Errors raised while expanding a page, located in the page's own text. liquidjs errors carry
 * the token they happened at; errors inside an include are re-raised at the page's include tag
 * (the line an editor can act on) with the include's own file and line in the message.
 */
import { LiquidError, type Token } from 'liquidjs';
import { HandbookError, type ErrorCode } from '../errors.js';
import { MAX_LOOP_ITERATIONS } from '../limits.js';
import { unknownName } from './unknown.js';

/** A failure raised by our tags, positioned at `token` (in the template that holds the tag). */
export class TagFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly token: Token,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'TagFailure';
  }
}

export interface LocatedFailure {
  code: ErrorCode;
  message: string;
  hint?: string;
  /** Offset of the failing tag in the rendered template text (undefined when unknown). */
  offset?: number;
  /** The template text that `offset` is in. */
  input?: string;
}

/** The failure `e` stands for, with its position: our TagFailure if there is one in the chain. */
export function locateFailure(e: unknown): LocatedFailure {
  const tag = findTagFailure(e);
  if (tag)
    return {
      code: tag.code,
      message: tag.message,
      hint: tag.hint,
      offset: tag.token.begin,
      input: tag.token.input,
    };
  if (LiquidError.is(e) && /memory alloc limit exceeded/.test(plainMessage(e))) {
    return {
      code: 'LIQUID',
      message: `Liquid: this loop or string is too large (the limit is about ${MAX_LOOP_ITERATIONS} loop iterations per page)`,
      hint: 'loop over a real list or a small range; see Limits in the README',
      offset: e.token.begin,
      input: e.token.input,
    };
  }
  // A filter's own user error (markdownify's nesting limit) keeps its message and hint.
  if (LiquidError.is(e) && e.originalError instanceof HandbookError) {
    return {
      code: e.originalError.code,
      message: e.originalError.message,
      hint: e.originalError.hint,
      offset: e.token.begin,
      input: e.token.input,
    };
  }
  if (LiquidError.is(e)) {
    const unknown = unknownName(plainMessage(e));
    if (unknown)
      return {
        code: 'LIQUID',
        message: unknown.message,
        hint: unknown.hint,
        offset: e.token.begin,
        input: e.token.input,
      };
    return {
      code: 'LIQUID',
      message: `Liquid: ${plainMessage(e)}`,
      hint: 'check the {% %} and {{ }} markup on this line (every block tag needs its end tag)',
      offset: e.token.begin,
      input: e.token.input,
    };
  }
  throw e;
}

export function findTagFailure(e: unknown): TagFailure | undefined {
  for (let cur: unknown = e, depth = 0; cur && depth < 10; depth++) {
    if (cur instanceof TagFailure) return cur;
    cur = (cur as LiquidError).originalError ?? (cur as Error).cause;
  }
  return undefined;
}

/** liquidjs messages end in ", line:3, col:5"; we give our own file:line. */
export function plainMessage(e: unknown): string {
  const msg = LiquidError.is(e) && e.originalError ? e.originalError.message : (e as Error).message;
  return msg.replace(/, (file:\S+, )?line:\d+, col:\d+$/, '');
}

/** `line` in the template of a liquidjs error (for messages about include files). */
export function liquidLine(e: unknown): number | undefined {
  return LiquidError.is(e) ? e.token.getPosition()[0] : undefined;
}
