/**
 * A minimal, deterministic zip writer for the package: DEFLATE through Node's native zlib
 * (several times faster than a JavaScript deflate on the document part, and free of JIT
 * warm-up in a one-shot CLI run), entries in the order given, one fixed timestamp, no extra
 * fields. Only what a .docx needs: no zip64 (parts are far below 4 GB), no encryption.
 */
import zlib from 'node:zlib';

/** 1980-01-01 12:00:00 in DOS date/time format (the earliest a zip can say). */
const DOS_TIME = 12 << 11;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

let table: Uint32Array | undefined;
function crcTable(): Uint32Array {
  if (table) return table;
  table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

export function crc32(data: Uint8Array): number {
  // zlib.crc32 is native from Node 20.15 / 22.2; older runtimes use the table.
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  if (native) return native(data) >>> 0;
  const t = crcTable();
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = (t[(c ^ (data[i] ?? 0)) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

export interface ZipOptions {
  /** Every entry's timestamp, YYYY-MM-DD at 00:00 (default: 1980-01-01 12:00). */
  date?: string;
  /** Entries written uncompressed besides PNG, JPEG and GIF (an EPUB's `mimetype`). */
  stored?: (name: string) => boolean;
}

/** A YYYY-MM-DD date as a DOS date, clamped to what a zip can say (1980–2107). */
export function dosDate(iso: string): number {
  const [y = 1980, m = 1, d = 1] = iso.split('-').map(Number);
  const year = Math.min(Math.max(y, 1980), 2107);
  return ((year - 1980) << 9) | (m << 5) | d;
}

/** Zips `entries` in order; already compressed media (PNG, JPEG …) are stored, not deflated. */
export function zipEntries(entries: ZipEntry[], opts: ZipOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const time = opts.date ? 0 : DOS_TIME;
  const date = opts.date ? dosDate(opts.date) : DOS_DATE;
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const store = /\.(png|jpe?g|gif)$/i.test(name) || (opts.stored?.(name) ?? false);
    const body = store ? data : zlib.deflateRawSync(data, { level: 6 });
    const method = store ? 0 : 8;
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(method, 10);
    dir.writeUInt16LE(time, 12);
    dir.writeUInt16LE(date, 14);
    dir.writeUInt32LE(crc, 16);
    dir.writeUInt32LE(body.length, 20);
    dir.writeUInt32LE(data.length, 24);
    dir.writeUInt16LE(nameBytes.length, 28);
    dir.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, body);
    central.push(dir, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dirSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}
