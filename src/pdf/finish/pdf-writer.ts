/**
 * Saving: header, every object in number order, one cross-reference table, the trailer.
 * Objects the finishing did not change are copied from the printed file as they are
 * (pdf-document.ts decides which); the others are written here. The file is built as Latin-1
 * text (one char per byte; an unchanged object is a slice of the printed file's text), with
 * only the data of the streams written here kept as bytes, and encoded once at the end:
 * string concatenation costs next to nothing, where thousands of small copies into a buffer
 * cost more than the serialising.
 */
import type { PdfDocument } from './pdf-document.js';
import {
  PdfArray,
  PdfDict,
  PdfName,
  PdfRef,
  PdfStream,
  PdfString,
  type PdfValue,
} from './pdf-objects.js';

/**
 * Version 1.7 whatever the input said (Chromium says 1.4, but the file uses 1.5+ features such
 * as /Tabs, and PDF/A-2 is based on 1.7); the comment of four bytes above 127 marks the file
 * as binary, as PDF/A requires.
 */
const HEADER = '%PDF-1.7\n%\x81\x81\x81\x81\n';

function number(n: number): string {
  const s = String(n);
  if (!s.includes('e')) return s;
  if (Math.abs(n) >= 1e21 || !Number.isFinite(n)) throw new RangeError(`not a PDF number: ${n}`);
  return n.toFixed(10).replace(/\.?0+$/, '');
}

const hexByte = (c: string): string => c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');

/** Names as source (`/Type`), by their bytes: the few names of a file are written many times. */
const names = new Map<string, string>();
function name(bytes: string): string {
  let s = names.get(bytes);
  if (s === undefined) {
    s = `/${bytes.replace(/[^\x21-\x7e]|[#%()/<>[\]{}]/g, (c) => `#${hexByte(c)}`)}`;
    names.set(bytes, s);
  }
  return s;
}

/** A value as PDF source, one char per byte. */
function serialize(v: PdfValue): string {
  if (typeof v === 'number') return number(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v === null) return 'null';
  if (v instanceof PdfRef) return `${v.num} ${v.gen} R`;
  if (v instanceof PdfName) return name(v.bytes);
  if (v instanceof PdfString) {
    return v.hex
      ? `<${Buffer.from(v.bytes, 'latin1').toString('hex').toUpperCase()}>`
      : `(${v.bytes.replace(/[\\()\r]/g, (c) => (c === '\r' ? '\\r' : `\\${c}`))})`;
  }
  if (v instanceof PdfArray) return `[${v.items.map(serialize).join(' ')}]`;
  if (v instanceof PdfDict) return dict(v.keys(), v.values());
  throw new Error('a stream can only be an indirect object');
}

function dict(keys: readonly string[], values: readonly PdfValue[]): string {
  let s = '<<';
  for (let i = 0; i < keys.length; i++) {
    s += `${i > 0 ? '\n' : ''}${name(keys[i]!)} ${serialize(values[i]!)}`;
  }
  return `${s}>>`;
}

/** A file being written: Latin-1 text, with stream data kept as bytes. */
class Output {
  private readonly parts: (string | Uint8Array)[] = [];
  private text = '';
  length = 0;

  add(s: string): void {
    this.text += s;
    this.length += s.length;
  }

  addBytes(b: Uint8Array): void {
    this.parts.push(this.text, b);
    this.text = '';
    this.length += b.length;
  }

  bytes(): Uint8Array {
    const out = Buffer.alloc(this.length);
    let at = 0;
    for (const p of [...this.parts, this.text]) {
      if (typeof p === 'string') out.write(p, at, 'latin1');
      else out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

/** `N G obj … endobj` for a changed or new object. */
function writeObject(out: Output, ref: PdfRef, v: PdfValue): void {
  out.add(`${ref.num} ${ref.gen} obj\n`);
  if (!(v instanceof PdfStream)) {
    out.add(`${serialize(v)}\nendobj`);
    return;
  }
  const keys = v.dict.keys().filter((k) => k !== 'Length');
  const values = keys.map((k) => v.dict.get(k)!);
  out.add(`${dict([...keys, 'Length'], [...values, v.contents.length])}\nstream\n`);
  out.addBytes(v.contents);
  out.add('\nendstream\nendobj');
}

export function writePdf(doc: PdfDocument): Uint8Array {
  const out = new Output();
  out.add(HEADER);
  // Cross-reference subsections: runs of consecutive object numbers, the first from 0.
  let xref = '';
  let run = '0000000000 65535 f \n';
  let runStart = 0;
  let runLength = 1;
  const endRun = (): void => {
    if (runLength > 0) xref += `${runStart} ${runLength}\n${run}`;
    run = '';
    runLength = 0;
  };
  for (let num = 1; num < doc.size; num++) {
    const obj = doc.object(num);
    if (!obj) {
      endRun();
      continue;
    }
    if (runLength === 0) runStart = num;
    run += `${String(out.length).padStart(10, '0')} ${String(obj.ref.gen).padStart(5, '0')} n \n`;
    runLength++;
    const original = doc.original(num);
    if (original !== undefined) out.add(original);
    else writeObject(out, obj.ref, obj.value);
    out.add('\n');
  }
  endRun();
  const trailer = dict(['Size', ...doc.trailer.keys()], [doc.size, ...doc.trailer.values()]);
  out.add(`xref\n${xref}trailer\n${trailer}\nstartxref\n${out.length}\n%%EOF\n`);
  return out.bytes();
}
