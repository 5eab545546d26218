/**
 * Reads a PDF the way Chromium writes it: one classic cross-reference table, no object
 * streams, no incremental updates, no encryption. The table is read at once; each object is
 * parsed when it is first looked up, straight into the object model of pdf-objects.ts, and
 * its byte range is kept so that saving can copy it unchanged. Reading the page numbers after
 * a print thus parses only the catalog, the page tree and the destinations.
 *
 * Anything else throws `UnsupportedPdf`, possibly only when the object is looked up:
 * pdf-load.ts then starts over with pdf-lib's reader, so a file never depends on this one
 * being complete.
 */
import { PdfDocument, type PdfSource } from './pdf-document.js';
import {
  PdfArray,
  PdfDict,
  PdfName,
  PdfRef,
  PdfStream,
  PdfString,
  type PdfValue,
} from './pdf-objects.js';

export class UnsupportedPdf extends Error {}

/** Byte classes (ISO 32000-1 §7.2.2): 1 white space, 2 delimiter, 0 regular. */
const CLASS = new Uint8Array(256);
for (const b of [0, 9, 10, 12, 13, 32]) CLASS[b] = 1;
for (const b of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[b] = 2;

/** 1 for the digits 0–9 (a table: this runs cold, where even a small call costs). */
const DIGIT = new Uint8Array(256).fill(1, 0x30, 0x3a);

/** Literal string escapes (§7.3.4.2) and bare end-of-line markers, which read as LF. */
function unescape(raw: string): string {
  return raw.replace(/\\([0-7]{1,3}|\r\n|[^])|\r\n?/g, (_: string, e: string | undefined) => {
    if (e === undefined) return '\n';
    if (DIGIT[e.charCodeAt(0)]) return String.fromCharCode(parseInt(e, 8) & 0xff);
    switch (e) {
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case '\r\n':
      case '\r':
      case '\n':
        return ''; // a backslash at the end of a line continues the string
      default:
        return e;
    }
  });
}

const XREF_ENTRIES = /(?:\d{10} \d{5} [fn][ \r\n]{2})*/y;

class Parser implements PdfSource {
  pos = 0;
  /** Per object number: byte offset of the object (from the cross-reference table). */
  private readonly offsets: number[] = [];
  readonly refs: (PdfRef | undefined)[] = [];
  private readonly values: (PdfValue | undefined)[] = [];
  private readonly end: number[] = [];

  /** `src`: the same bytes as a Latin-1 string, for slicing names and matching keywords. */
  constructor(
    readonly buf: Uint8Array,
    readonly src: string,
  ) {}

  fail(what: string): never {
    throw new UnsupportedPdf(`${what} at byte ${this.pos}`);
  }

  skipSpace(): void {
    const buf = this.buf;
    let i = this.pos;
    for (;;) {
      const b = buf[i]!;
      if (i < buf.length && CLASS[b] === 1) i++;
      else if (b === 0x25) {
        while (i < buf.length && buf[i] !== 0x0a && buf[i] !== 0x0d) i++;
      } else break;
    }
    this.pos = i;
  }

  keyword(word: string): boolean {
    const after = this.buf[this.pos + word.length];
    if (!this.src.startsWith(word, this.pos) || (after !== undefined && CLASS[after] === 0))
      return false;
    this.pos += word.length;
    return true;
  }

  expect(word: string): void {
    this.skipSpace();
    if (!this.keyword(word)) this.fail(`expected ${word}`);
  }

  /** An unsigned integer (object numbers, offsets, counts). */
  integer(): number {
    this.skipSpace();
    const buf = this.buf;
    let i = this.pos;
    let n = 0;
    if (!DIGIT[buf[i]!]) this.fail('expected an integer');
    while (DIGIT[buf[i]!]) n = n * 10 + buf[i++]! - 0x30;
    this.pos = i;
    return n;
  }

  value(): PdfValue {
    this.skipSpace();
    const b = this.buf[this.pos];
    switch (b) {
      case 0x2f:
        return PdfName.fromBytes(this.nameBytes());
      case 0x3c:
        return this.buf[this.pos + 1] === 0x3c ? this.dict() : this.hexString();
      case 0x28:
        return this.literalString();
      case 0x5b:
        return this.array();
      case 0x74:
        if (this.keyword('true')) return true;
        break;
      case 0x66:
        if (this.keyword('false')) return false;
        break;
      case 0x6e:
        if (this.keyword('null')) return null;
        break;
      default:
        if (DIGIT[b!] || b === 0x2b || b === 0x2d || b === 0x2e) return this.numberOrRef();
    }
    return this.fail('unexpected token');
  }

  /** The bytes of the name at `pos` (which holds `/`), `#xx` escapes resolved. */
  nameBytes(): string {
    const buf = this.buf;
    const from = this.pos + 1;
    let i = from;
    let escaped = false;
    for (; i < buf.length && CLASS[buf[i]!] === 0; i++) if (buf[i] === 0x23) escaped = true;
    this.pos = i;
    const raw = this.src.slice(from, i);
    return escaped
      ? raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))
      : raw;
  }

  numberOrRef(): number | PdfRef {
    const buf = this.buf;
    const from = this.pos;
    let i = from;
    if (buf[i] === 0x2b || buf[i] === 0x2d) i++;
    let n = 0;
    while (DIGIT[buf[i]!]) n = n * 10 + buf[i++]! - 0x30;
    if (buf[i] === 0x2e) {
      i++;
      while (DIGIT[buf[i]!]) i++;
      this.pos = i;
      const real = parseFloat(this.src.slice(from, i));
      return Number.isNaN(real) ? this.fail('bad number') : real;
    }
    this.pos = i;
    if (i === from || (i === from + 1 && !DIGIT[buf[from]!])) this.fail('bad number');
    if (!DIGIT[buf[from]!]) return buf[from] === 0x2d ? -n : n;
    // `n g R`: a reference, if a second integer and R follow.
    let j = i;
    while (j < buf.length && CLASS[buf[j]!] === 1) j++;
    if (j === i || !DIGIT[buf[j]!]) return n;
    let gen = 0;
    while (DIGIT[buf[j]!]) gen = gen * 10 + buf[j++]! - 0x30;
    const afterGen = j;
    while (j < buf.length && CLASS[buf[j]!] === 1) j++;
    const next = buf[j + 1];
    if (j === afterGen || buf[j] !== 0x52 || (next !== undefined && CLASS[next] === 0)) return n;
    this.pos = j + 1;
    return PdfRef.of(n, gen);
  }

  literalString(): PdfString {
    const buf = this.buf;
    let depth = 1;
    let plain = true;
    let i = this.pos + 1;
    for (; i < buf.length; i++) {
      const b = buf[i];
      if (b === 0x5c) {
        plain = false;
        i++;
      } else if (b === 0x28) depth++;
      else if (b === 0x29) {
        if (--depth === 0) break;
      } else if (b === 0x0d) plain = false;
    }
    if (i >= buf.length) this.fail('unterminated string');
    const raw = this.src.slice(this.pos + 1, i);
    this.pos = i + 1;
    return new PdfString(plain ? raw : unescape(raw));
  }

  hexString(): PdfString {
    const close = this.src.indexOf('>', this.pos);
    if (close < 0) this.fail('unterminated hex string');
    const digits = this.src.slice(this.pos + 1, close).replace(/[\0\t\n\f\r ]+/g, '');
    if (!/^[0-9a-fA-F]*$/.test(digits)) this.fail('bad hex string');
    this.pos = close + 1;
    const even = digits.length % 2 === 0 ? digits : `${digits}0`;
    return new PdfString(Buffer.from(even, 'hex').toString('latin1'), true);
  }

  array(): PdfArray {
    this.pos++;
    const list: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      const b = this.buf[this.pos];
      if (b === 0x5d) break;
      if (b === undefined) this.fail('unterminated array');
      list.push(this.value());
    }
    this.pos++;
    return new PdfArray(list);
  }

  dict(): PdfDict {
    this.pos += 2;
    const keys: string[] = [];
    const values: PdfValue[] = [];
    for (;;) {
      this.skipSpace();
      const b = this.buf[this.pos];
      if (b === 0x3e && this.buf[this.pos + 1] === 0x3e) break;
      if (b !== 0x2f) this.fail('expected a name');
      const key = PdfName.fromBytes(this.nameBytes()).bytes;
      const value = this.value();
      // A repeated key: the last one counts, as in a Map.
      const seen = keys.indexOf(key);
      if (seen < 0) {
        keys.push(key);
        values.push(value);
      } else values[seen] = value;
    }
    this.pos += 2;
    return new PdfDict(keys, values);
  }

  /** The cross-reference table at `startxref` and its trailer. */
  xref(): PdfDict {
    const at = this.src.lastIndexOf('startxref');
    if (at < 0) this.fail('no startxref');
    this.pos = at + 9;
    this.pos = this.integer();
    this.skipSpace();
    if (!this.keyword('xref')) throw new UnsupportedPdf('not a classic cross-reference table');
    for (;;) {
      this.skipSpace();
      if (this.keyword('trailer')) break;
      const first = this.integer();
      const count = this.integer();
      this.skipSpace();
      // Entries of exactly 20 bytes (§7.5.4): checked by a regex, then read by position.
      XREF_ENTRIES.lastIndex = this.pos;
      XREF_ENTRIES.test(this.src);
      if (XREF_ENTRIES.lastIndex !== this.pos + 20 * count) this.fail('bad cross-reference entry');
      const buf = this.buf;
      for (let k = 0, p = this.pos; k < count; k++, p += 20) {
        const n = first + k;
        if (buf[p + 17] !== 0x6e || this.offsets[n] !== undefined) continue; // free, or seen
        let offset = 0;
        for (let j = p; j < p + 10; j++) offset = offset * 10 + buf[j]! - 0x30;
        let gen = 0;
        for (let j = p + 11; j < p + 16; j++) gen = gen * 10 + buf[j]! - 0x30;
        this.offsets[n] = offset;
        this.refs[n] = PdfRef.of(n, gen);
      }
      this.pos += 20 * count;
    }
    const trailer = this.value();
    if (!(trailer instanceof PdfDict)) return this.fail('expected the trailer dictionary');
    for (const key of ['Prev', 'XRefStm', 'Encrypt']) {
      if (trailer.has(key)) throw new UnsupportedPdf(`trailer has /${key}`);
    }
    return trailer;
  }

  read(num: number): PdfValue | undefined {
    try {
      return this.object(num);
    } catch (e) {
      // Whatever went wrong (a stack overflow on a /Length that points at itself …), the
      // file is one this reader does not handle.
      if (e instanceof UnsupportedPdf) throw e;
      throw new UnsupportedPdf(`object ${num}: ${String(e)}`);
    }
  }

  text(num: number): string {
    this.read(num);
    return this.src.slice(this.offsets[num], this.end[num]);
  }

  /** The object with number `n`, parsed on first use. */
  object(n: number): PdfValue | undefined {
    const from = this.offsets[n];
    if (this.values[n] !== undefined || from === undefined) return this.values[n];
    const resume = this.pos;
    this.pos = from;
    if (this.integer() !== n || this.integer() !== this.refs[n]!.gen)
      this.fail(`object ${n} not at its offset`);
    this.expect('obj');
    let value = this.value();
    this.skipSpace();
    if (value instanceof PdfDict && this.keyword('stream')) value = this.stream(value);
    this.expect('endobj');
    this.values[n] = value;
    this.end[n] = this.pos;
    this.pos = resume;
    return value;
  }

  /** The stream data after the `stream` keyword, and the `endstream` after it. */
  stream(dict: PdfDict): PdfStream {
    if (this.buf[this.pos] === 0x0d) this.pos++;
    if (this.buf[this.pos++] !== 0x0a) this.fail('stream keyword not followed by an end of line');
    let length = dict.get('Length');
    if (length instanceof PdfRef) length = this.object(length.num);
    if (typeof length !== 'number' || !Number.isInteger(length) || length < 0)
      this.fail('bad stream /Length');
    const from = this.pos;
    this.pos += length;
    if (this.pos > this.buf.length) this.fail('stream runs past the end of the file');
    this.expect('endstream');
    return new PdfStream(dict, this.buf.subarray(from, from + length));
  }
}

/**
 * Reads the cross-reference table and trailer of a classic (Chromium-style) PDF; the objects
 * follow on demand. Throws `UnsupportedPdf` for anything else, then or later.
 */
export function parsePdf(bytes: Uint8Array): PdfDocument {
  const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const p = new Parser(bytes, src);
  const trailer = p.xref();
  const kept = new PdfDict();
  for (const key of ['Root', 'Info', 'ID']) {
    const v = trailer.get(key);
    if (v !== undefined) kept.set(key, v);
  }
  return new PdfDocument(kept, p.refs.slice(), [], p);
}
