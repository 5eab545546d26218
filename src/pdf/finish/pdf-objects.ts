/**
 * The PDF object model the finishing works on (ISO 32000-1 §7.3): names, strings, references,
 * arrays, dictionaries and streams as small classes; numbers, booleans and null as plain
 * JavaScript values. Our own rather than pdf-lib's because loading pdf-lib costs more than
 * the whole finishing needs (its object classes alone pull in its fonts and zlib).
 *
 * Arrays and dictionaries remember whether they were changed, so that saving can copy every
 * object the finishing did not touch byte for byte from the printed file (pdf-document.ts).
 */

export type PdfValue =
  number | boolean | null | PdfName | PdfString | PdfRef | PdfArray | PdfDict | PdfStream;

const ASCII = /^\p{ASCII}*$/u;

/** A name, interned: one instance per name, so names compare with `===`. */
export class PdfName {
  private static readonly interned = new Map<string, PdfName>();

  /** `bytes`: the name's bytes after `#xx` decoding, one char per byte. */
  private constructor(readonly bytes: string) {}

  static fromBytes(bytes: string): PdfName {
    let n = PdfName.interned.get(bytes);
    if (n === undefined) {
      n = new PdfName(bytes);
      PdfName.interned.set(bytes, n);
    }
    return n;
  }

  /** The name for a text (UTF-8, as PDF 1.7 recommends for names; ASCII in practice). */
  static of(text: string): PdfName {
    return PdfName.fromBytes(ASCII.test(text) ? text : utf8Bytes(text));
  }

  /** The name's text: its bytes as UTF-8. */
  get text(): string {
    return ASCII.test(this.bytes)
      ? this.bytes
      : new TextDecoder().decode(Buffer.from(this.bytes, 'latin1'));
  }
}

/** A string object: its bytes (escapes resolved), and whether it is written in hex. */
export class PdfString {
  /** `bytes`: one char per byte. */
  constructor(
    readonly bytes: string,
    readonly hex = false,
  ) {}

  /**
   * A text string (ISO 32000-1 §7.9.2.2): printable ASCII stays a readable literal (the same
   * in PDFDocEncoding), anything else is UTF-16BE with a byte order mark, written in hex.
   */
  static fromText(s: string): PdfString {
    if (/^[\x20-\x7e]*$/.test(s)) return new PdfString(s);
    let bytes = '\xfe\xff';
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      bytes += String.fromCharCode(c >> 8, c & 0xff);
    }
    return new PdfString(bytes, true);
  }

  /** The text of a text string: UTF-16BE or UTF-8 after a byte order mark, else PDFDocEncoding. */
  get text(): string {
    const b = this.bytes;
    let text = '';
    if (b.startsWith('\xfe\xff')) {
      for (let i = 2; i + 1 < b.length; i += 2)
        text += String.fromCharCode((b.charCodeAt(i) << 8) | b.charCodeAt(i + 1));
    } else if (b.startsWith('\xef\xbb\xbf')) {
      text = new TextDecoder().decode(Buffer.from(b.slice(3), 'latin1'));
    } else {
      for (let i = 0; i < b.length; i++) text += PDF_DOC_ENCODING[b.charCodeAt(i)] ?? b[i];
    }
    return text;
  }
}

/** PDFDocEncoding where it differs from Latin-1 (ISO 32000-1 Annex D.2). */
const PDF_DOC_ENCODING: Record<number, string> = {};
[...'˘ˇˆ˙˝˛˚˜'].forEach((c, i) => (PDF_DOC_ENCODING[0x18 + i] = c));
[...'\ufffd•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž\ufffd€'].forEach(
  (c, i) => (PDF_DOC_ENCODING[0x7f + i] = c),
);
PDF_DOC_ENCODING[0xad] = '\ufffd';

function utf8Bytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** An indirect reference, interned like names. */
export class PdfRef {
  private static readonly interned = new Map<number, PdfRef>();

  private constructor(
    readonly num: number,
    readonly gen: number,
  ) {}

  static of(num: number, gen = 0): PdfRef {
    const key = num * 65536 + gen;
    let r = PdfRef.interned.get(key);
    if (r === undefined) {
      r = new PdfRef(num, gen);
      PdfRef.interned.set(key, r);
    }
    return r;
  }
}

export class PdfArray {
  /** Set by every change; see pdf-document.ts. */
  changed = false;

  constructor(private readonly list: PdfValue[] = []) {}

  get items(): readonly PdfValue[] {
    return this.list;
  }

  get length(): number {
    return this.list.length;
  }

  get(i: number): PdfValue | undefined {
    return this.list[i];
  }

  push(...values: PdfValue[]): void {
    this.list.push(...values);
    this.changed = true;
  }
}

/**
 * A dictionary, keyed by the names' bytes (`dict.get('Type')`). Entries are kept in two
 * arrays rather than a Map: the printed file has thousands of small dictionaries, and arrays
 * are quicker to build and lighter to keep.
 */
export class PdfDict {
  /** Set by every change; see pdf-document.ts. */
  changed = false;

  constructor(
    private readonly keyList: string[] = [],
    private readonly valueList: PdfValue[] = [],
  ) {}

  static of(entries: Record<string, PdfValue>): PdfDict {
    return new PdfDict(Object.keys(entries), Object.values(entries));
  }

  get(key: string): PdfValue | undefined {
    const i = this.keyList.indexOf(key);
    return i < 0 ? undefined : this.valueList[i];
  }

  has(key: string): boolean {
    const v = this.get(key);
    return v !== undefined && v !== null;
  }

  set(key: string, value: PdfValue): void {
    const i = this.keyList.indexOf(key);
    if (i < 0) {
      this.keyList.push(key);
      this.valueList.push(value);
    } else this.valueList[i] = value;
    this.changed = true;
  }

  delete(key: string): void {
    const i = this.keyList.indexOf(key);
    if (i < 0) return;
    this.keyList.splice(i, 1);
    this.valueList.splice(i, 1);
    this.changed = true;
  }

  keys(): readonly string[] {
    return this.keyList;
  }

  values(): readonly PdfValue[] {
    return this.valueList;
  }
}

/** A stream: its dictionary and its encoded bytes (replaced as a whole, never edited). */
export class PdfStream {
  constructor(
    readonly dict: PdfDict,
    readonly contents: Uint8Array,
  ) {}
}
