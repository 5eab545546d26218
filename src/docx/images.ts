/**
 * Images: resolved once, before rendering (the only disk access of the renderer), from
 * data: URIs or from files under `assetsRoot`. SVGs are rasterised to a PNG and kept beside
 * it (svg.ts). What cannot be resolved or embedded (missing file, unknown format, an SVG that
 * refers outside itself) is rendered as its alt text instead, and said why.
 */
import { readAsset } from '../assets.js';
import { isSvg, rasterise } from './svg.js';
import type { Element, Root, RootContent } from 'hast';
import type { Handbook } from '../model.js';
import { isElement, prop } from './hast.js';

export type RasterType = 'png' | 'jpg' | 'gif' | 'bmp';

export interface ResolvedImage {
  type: RasterType;
  data: Uint8Array;
  /** Intrinsic size in pixels, when the header says. */
  width?: number;
  height?: number;
  /** The SVG source, when `data` is its PNG rendering (Word draws the SVG, others the PNG). */
  svg?: Uint8Array;
}

/** An image the Word handbook cannot embed, and why (for the finding). */
export interface Unembeddable {
  problem: string;
}

export type ImageStore = Map<string, ResolvedImage | Unembeddable | null>;

/** Widest an image may be drawn, in px at 96 dpi (the text column of an A4 page). */
export const MAX_WIDTH_PX = 600;

export function sniffType(b: Uint8Array): RasterType | undefined {
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'png';
  if (b[0] === 0xff && b[1] === 0xd8) return 'jpg';
  if (b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46) return 'gif';
  if (b[0] === 0x42 && b[1] === 0x4d) return 'bmp';
  return undefined;
}

/** Pixel size from the file header (PNG, GIF, JPEG SOF, BMP). */
export function intrinsicSize(
  b: Uint8Array,
  type: RasterType,
): { width: number; height: number } | undefined {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  try {
    if (type === 'png') return { width: view.getUint32(16), height: view.getUint32(20) };
    if (type === 'gif') return { width: view.getUint16(6, true), height: view.getUint16(8, true) };
    if (type === 'bmp')
      return { width: view.getInt32(18, true), height: Math.abs(view.getInt32(22, true)) };
    for (let i = 2; i + 9 < b.length;) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1] ?? 0;
      const length = view.getUint16(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { width: view.getUint16(i + 7), height: view.getUint16(i + 5) };
      }
      i += 2 + length;
    }
  } catch {
    return undefined;
  }
  return undefined;
}

export function decodeDataUri(uri: string): Uint8Array | undefined {
  const m = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(uri);
  if (!m) return undefined;
  const payload = m[3] ?? '';
  try {
    return m[2]
      ? new Uint8Array(Buffer.from(payload, 'base64'))
      : new Uint8Array(Buffer.from(decodeURIComponent(payload)));
  } catch {
    return undefined;
  }
}

/** A site path (`/assets/x.png`, `assets/x.png`) inside `root`, or undefined when it escapes it. */
async function loadBytes(src: string, root: string | undefined): Promise<Uint8Array | undefined> {
  if (src.startsWith('data:')) return decodeDataUri(src);
  return root === undefined ? undefined : (await readAsset(src, root))?.bytes;
}

async function resolveImage(
  src: string,
  root: string | undefined,
): Promise<ResolvedImage | Unembeddable | null> {
  const data = await loadBytes(src, root);
  if (data && isSvg(data)) {
    const r = rasterise(data);
    if ('problem' in r) return r;
    return { type: 'png', data: r.png, width: r.width, height: r.height, svg: data };
  }
  const type = data && sniffType(data);
  if (!data || !type) return null;
  return { type, data, ...intrinsicSize(data, type) };
}

function collectSources(node: Root | RootContent, out: Set<string>): void {
  if (isElement(node, 'img')) {
    const src = prop(node as Element, 'src');
    if (src) out.add(src);
  }
  if ('children' in node) for (const child of node.children) collectSources(child, out);
}

export async function resolveImages(
  hb: Handbook,
  assetsRoot: string | undefined,
): Promise<ImageStore> {
  const sources = new Set<string>();
  for (const chapter of [...hb.chapters, ...hb.appendices]) collectSources(chapter.body, sources);
  // An edition's logo is drawn on the cover.
  const logo = hb.meta.edition?.organisation?.logo?.src;
  if (logo) sources.add(logo);
  const store: ImageStore = new Map();
  for (const src of [...sources].sort()) store.set(src, await resolveImage(src, assetsRoot));
  return store;
}

/** Drawn size: the img's width/height attributes, else intrinsic, scaled to fit the column. */
export function drawnSize(
  img: ResolvedImage,
  attrW?: number,
  attrH?: number,
): { width: number; height: number } {
  const ratio = img.width && img.height ? img.height / img.width : 0.75;
  let width = attrW ?? (attrH && ratio ? attrH / ratio : (img.width ?? 400));
  let height = attrH ?? width * ratio;
  if (width > MAX_WIDTH_PX) {
    height = (height * MAX_WIDTH_PX) / width;
    width = MAX_WIDTH_PX;
  }
  return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
}
