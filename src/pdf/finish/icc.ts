/**
 * A minimal sRGB ICC v2 display profile, built in code so that the bytes are the same on every
 * machine and no profile file has to be shipped: header, description, copyright, white point,
 * the three D50-adapted sRGB colorants and one 1024-point sRGB tone curve shared by the three
 * TRC tags (tags may share data, ICC.1:2001-04 §6.3).
 */

const D50 = [0.9642, 1.0, 0.8249] as const;
// sRGB primaries chromatically adapted to D50 (Bradford), as in the IEC 61966-2.1 profiles.
const RED = [0.4360747, 0.2225045, 0.0139322] as const;
const GREEN = [0.3850649, 0.7168786, 0.0971045] as const;
const BLUE = [0.1430804, 0.0606169, 0.7141733] as const;

class Writer {
  private readonly bytes: number[] = [];
  get length(): number {
    return this.bytes.length;
  }
  u8(n: number): this {
    this.bytes.push(n & 0xff);
    return this;
  }
  u16(n: number): this {
    return this.u8(n >>> 8).u8(n);
  }
  u32(n: number): this {
    return this.u16(n >>> 16).u16(n & 0xffff);
  }
  ascii(s: string): this {
    for (let i = 0; i < s.length; i++) this.u8(s.charCodeAt(i));
    return this;
  }
  zeros(n: number): this {
    for (let i = 0; i < n; i++) this.u8(0);
    return this;
  }
  s15f16(x: number): this {
    return this.u32(Math.round(x * 65536) >>> 0);
  }
  pad4(): this {
    while (this.bytes.length % 4 !== 0) this.u8(0);
    return this;
  }
  out(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

function xyzTag(v: readonly [number, number, number]): Uint8Array {
  return new Writer().ascii('XYZ ').zeros(4).s15f16(v[0]).s15f16(v[1]).s15f16(v[2]).out();
}

/** textDescriptionType (v2): ASCII part, empty Unicode and ScriptCode parts. */
function descTag(text: string): Uint8Array {
  return new Writer()
    .ascii('desc')
    .zeros(4)
    .u32(text.length + 1)
    .ascii(text)
    .u8(0)
    .u32(0) // Unicode language code
    .u32(0) // Unicode count
    .u16(0) // ScriptCode code
    .u8(0) // ScriptCode count
    .zeros(67)
    .out();
}

function textTag(text: string): Uint8Array {
  return new Writer().ascii('text').zeros(4).ascii(text).u8(0).out();
}

function srgbCurve(points = 1024): Uint8Array {
  const w = new Writer().ascii('curv').zeros(4).u32(points);
  for (let i = 0; i < points; i++) {
    const v = i / (points - 1);
    const linear = v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    w.u16(Math.round(linear * 65535));
  }
  return w.out();
}

export const SRGB_DESCRIPTION = 'sRGB IEC61966-2.1';

export function srgbIccProfile(): Uint8Array {
  const curve = srgbCurve();
  const data: [string, Uint8Array][] = [
    ['desc', descTag(SRGB_DESCRIPTION)],
    ['cprt', textTag('No copyright, use freely')],
    ['wtpt', xyzTag(D50)],
    ['rXYZ', xyzTag(RED)],
    ['gXYZ', xyzTag(GREEN)],
    ['bXYZ', xyzTag(BLUE)],
    ['rTRC', curve],
  ];
  const shared: [string, string][] = [
    ['gTRC', 'rTRC'],
    ['bTRC', 'rTRC'],
  ];
  const tagCount = data.length + shared.length;
  let offset = 128 + 4 + tagCount * 12;
  const placed = new Map<string, { offset: number; size: number }>();
  const body = new Writer();
  for (const [sig, bytes] of data) {
    placed.set(sig, { offset, size: bytes.length });
    for (const b of bytes) body.u8(b);
    body.pad4();
    offset = 128 + 4 + tagCount * 12 + body.length;
  }
  const size = offset;
  const w = new Writer()
    .u32(size)
    .zeros(4) // preferred CMM
    .u32(0x02100000) // version 2.1
    .ascii('mntr')
    .ascii('RGB ')
    .ascii('XYZ ')
    .u16(2024)
    .u16(1)
    .u16(1)
    .u16(0)
    .u16(0)
    .u16(0) // fixed creation date: deterministic bytes
    .ascii('acsp')
    .zeros(4) // platform
    .u32(0) // flags
    .zeros(8) // manufacturer, model
    .zeros(8) // attributes
    .u32(0) // perceptual
    .s15f16(D50[0])
    .s15f16(D50[1])
    .s15f16(D50[2])
    .zeros(4) // creator
    .zeros(44); // profile id (v4 only) + reserved
  w.u32(tagCount);
  for (const [sig] of data) {
    const p = placed.get(sig)!;
    w.ascii(sig).u32(p.offset).u32(p.size);
  }
  for (const [sig, target] of shared) {
    const p = placed.get(target)!;
    w.ascii(sig).u32(p.offset).u32(p.size);
  }
  const head = w.out();
  const out = new Uint8Array(size);
  out.set(head, 0);
  out.set(body.out(), head.length);
  return out;
}
