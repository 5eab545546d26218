/**
 * Source files are UTF-8, as Jekyll reads them. Invalid bytes are an error naming the file,
 * line and column (Node's own decoder would turn them into U+FFFD without a word).
 */
import { HandbookError } from '../errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Length of the UTF-8 sequence starting at `i`, or 0 when it is not a valid one. */
function sequenceLength(buf: Uint8Array, i: number): number {
  const b = buf[i]!;
  if (b < 0x80) return 1;
  const need =
    b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
  if (need === 0) return 0;
  // The second byte's range excludes overlong forms and surrogates (RFC 3629).
  const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
  const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
  const second = buf[i + 1];
  if (second === undefined || second < lo || second > hi) return 0;
  for (let k = 2; k <= need; k++) {
    const c = buf[i + k];
    if (c === undefined || (c & 0xc0) !== 0x80) return 0;
  }
  return need + 1;
}

/** Byte offset of the first invalid sequence (buf.length when there is none). */
export function firstInvalidByte(buf: Uint8Array): number {
  for (let i = 0; i < buf.length;) {
    const n = sequenceLength(buf, i);
    if (n === 0) return i;
    i += n;
  }
  return buf.length;
}

/** 1-based line and column (in characters) of byte `offset`. */
function position(buf: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    if (buf[i] === 0x0a) {
      line++;
      start = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(buf.subarray(start, offset));
  return { line, column: [...before].length + 1 };
}

/** The text of `file`; throws ENCODING with file:line:column when it is not UTF-8. */
export function decodeUtf8(buf: Uint8Array, file: string): string {
  try {
    return decoder.decode(buf);
  } catch {
    const offset = firstInvalidByte(buf);
    const { line, column } = position(buf, offset);
    const byte = (buf[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new HandbookError(
      'ENCODING',
      `invalid UTF-8 (byte 0x${byte}) at line ${line}, column ${column}`,
      {
        file,
        line,
        column,
        hint: 'save the file as UTF-8 (in most editors: Save with encoding → UTF-8)',
      },
    );
  }
}
