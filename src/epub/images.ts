/**
 * Images become files of the package (EPUB reading systems are not required to show data:
 * URIs, and a file is listed in the manifest with its media type). Names come from the bytes'
 * SHA-256, so one picture used twice is one file and the names never depend on the machine.
 * As in the HTML, a remote image is never fetched and a missing or unusable one is replaced
 * by its alt text; here also an image type outside EPUB 3's core media types (which would
 * need a fallback), with a finding.
 */
import { createHash } from 'node:crypto';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { readAsset } from '../assets.js';
import { isRemote, replaceByAlt } from '../html/images.js';

export interface PackagedImage {
  /** Path inside the publication folder: `images/<hash>.png`. */
  href: string;
  mediaType: string;
  bytes: Uint8Array;
}

export type ImageProblem = (src: string, problem: string, source: string | undefined) => void;

const CORE: { type: string; ext: string; magic: (b: Uint8Array) => boolean }[] = [
  { type: 'image/png', ext: 'png', magic: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e },
  { type: 'image/jpeg', ext: 'jpg', magic: (b) => b[0] === 0xff && b[1] === 0xd8 },
  { type: 'image/gif', ext: 'gif', magic: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 },
];

function mediaTypeOf(bytes: Uint8Array, name: string): { type: string; ext: string } | undefined {
  const raster = CORE.find((c) => c.magic(bytes));
  if (raster) return raster;
  if (/\.svg$/i.test(name) || name === 'image/svg+xml')
    return { type: 'image/svg+xml', ext: 'svg' };
  return undefined;
}

/** The bytes and a name hint (file name or media type) of a data: URI. */
function decodeDataUri(src: string): { bytes: Uint8Array; hint: string } | undefined {
  const m = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s.exec(src);
  if (!m) return undefined;
  const base64 = /;base64/i.test(m[2] ?? '');
  const body = m[3] ?? '';
  try {
    const bytes = base64
      ? Buffer.from(body, 'base64')
      : Buffer.from(decodeURIComponent(body), 'utf8');
    return { bytes: new Uint8Array(bytes), hint: (m[1] ?? '').toLowerCase() };
  } catch {
    return undefined;
  }
}

async function load(src: string, root: string | undefined) {
  if (src.startsWith('data:')) return decodeDataUri(src);
  if (!root) return undefined;
  const found = await readAsset(src, root);
  return found && { bytes: found.bytes, hint: found.file };
}

/**
 * Points every image of `trees` (mutated: callers pass clones) at a file of the package and
 * returns the files, in the order they are first used.
 */
export async function packageImages(
  docs: readonly { body: Root; source?: string }[],
  assetsRoot: string | undefined,
  problem: ImageProblem = () => undefined,
): Promise<PackagedImage[]> {
  const images: Element[] = [];
  const sources: (string | undefined)[] = [];
  for (const doc of docs)
    visit(doc.body, 'element', (node) => {
      if (node.tagName !== 'img') return;
      images.push(node);
      sources.push(doc.source);
    });
  const loaded = await Promise.all(
    images.map((img) => {
      const src = String(img.properties.src ?? '');
      return isRemote(src) ? undefined : load(src, assetsRoot);
    }),
  );
  const files = new Map<string, PackagedImage>();
  images.forEach((img, i) => {
    const src = String(img.properties.src ?? '');
    delete img.properties.srcSet;
    delete img.properties.sizes;
    const got = loaded[i];
    const kind = got && mediaTypeOf(got.bytes, got.hint);
    if (!got || !kind) {
      if (got) problem(src.slice(0, 80), 'is not a PNG, JPEG, GIF or SVG image', sources[i]);
      replaceByAlt(img);
      return;
    }
    const hash = createHash('sha256').update(got.bytes).digest('hex').slice(0, 16);
    const href = `images/${hash}.${kind.ext}`;
    if (!files.has(href)) files.set(href, { href, mediaType: kind.type, bytes: got.bytes });
    img.properties.src = href;
  });
  return [...files.values()];
}
