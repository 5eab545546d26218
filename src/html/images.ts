/**
 * Images become data: URIs so the document is self-contained. Sources are resolved the way
 * the site resolves them: `/img/x.png` against the source root, `img/x.png` likewise (pages
 * are rendered at permalinks, but the handbook has no per-page base). An image that cannot be
 * found is left alone: the transform stage reports missing images, and printing from
 * `setContent` resolves a relative URL against about:blank, so it causes no request.
 */
import { extname } from 'node:path';
import { readAsset } from '../assets.js';
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

/** A remote or protocol-relative URL: never fetched, printing must not touch the network. */
export function isRemote(src: string): boolean {
  return /^([a-z][a-z0-9+.-]*:)?\/\//i.test(src);
}

async function dataUri(src: string, root: string): Promise<string | undefined> {
  const found = await readAsset(src, root);
  const mime = found && MIME[extname(found.file).toLowerCase()];
  if (!found || !mime) return undefined;
  return `data:${mime};base64,${Buffer.from(found.bytes).toString('base64')}`;
}

/**
 * Inline every local image of `tree` (mutates it: callers pass a clone). Remote images are
 * replaced by their alt text in a span, because fetching them would make the output depend
 * on the network; the transform reports them.
 */
export async function inlineImages(tree: Root, assetsRoot: string | undefined): Promise<void> {
  const images: Element[] = [];
  visit(tree, 'element', (node) => {
    if (node.tagName === 'img') images.push(node);
  });
  await Promise.all(
    images.map(async (img) => {
      const src = String(img.properties.src ?? '');
      delete img.properties.srcSet;
      delete img.properties.sizes;
      if (isRemote(src)) {
        replaceByAlt(img);
        return;
      }
      const uri =
        assetsRoot && !src.startsWith('data:') ? await dataUri(src, assetsRoot) : undefined;
      if (uri) img.properties.src = uri;
      // A local image that is not in the sources: its alt text, never a dangling reference.
      else if (!src.startsWith('data:')) replaceByAlt(img);
    }),
  );
}

export function replaceByAlt(img: Element): void {
  const alt = String(img.properties.alt ?? '');
  img.tagName = 'span';
  img.properties = { className: ['hb-image-missing'] };
  img.children = [{ type: 'text', value: alt ? `[Image: ${alt}]` : '[Image]' }];
}
