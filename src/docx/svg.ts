/**
 * SVG images in the Word handbook: rasterised to PNG (resvg, a maintained Rust renderer
 * shipped as prebuilt binaries inside npm packages) for applications that cannot draw SVG,
 * with the SVG itself kept beside it (docx writes the `asvg:svgBlip` extension that Word 2016+
 * draws instead). resvg is loaded only when a handbook has an SVG.
 *
 * Deterministic and sealed: no system fonts (a machine's fonts would change the pixels, so
 * text in an SVG is drawn only by Word from the kept SVG), and an SVG that refers to anything
 * outside itself (an external image or stylesheet) is not embedded, so rendering never reads
 * a file or the network.
 */
import { createRequire } from 'node:module';

/** Largest SVG source accepted, in bytes. */
export const MAX_SVG_BYTES = 5 * 1024 * 1024;
/** Width of the PNG fallback, in pixels: twice the widest drawn image, sharp on paper. */
export const SVG_RASTER_WIDTH = 1200;

export function isSvg(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('utf8');
  return /^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(
    head,
  );
}

/** References to anything but the SVG's own fragments or inline data. */
function externalReference(svg: string): string | undefined {
  const ref =
    /(?:href|src)\s*=\s*["']\s*(?!#|data:)([^"']+)["']|url\(\s*["']?\s*(?!#|data:)([^)"']+)/i.exec(
      svg,
    );
  return ref ? (ref[1] ?? ref[2]) : undefined;
}

export interface Rasterised {
  png: Uint8Array;
  width: number;
  height: number;
}

type ResvgModule = typeof import('@resvg/resvg-js');
let resvg: ResvgModule | undefined;

/** The SVG as a PNG, or why it cannot be embedded. */
export function rasterise(svg: Uint8Array): Rasterised | { problem: string } {
  if (svg.length > MAX_SVG_BYTES)
    return { problem: `it is larger than ${MAX_SVG_BYTES / 1024 / 1024} MB` };
  const text = Buffer.from(svg).toString('utf8');
  const external = externalReference(text);
  if (external) return { problem: `it refers to ${external.slice(0, 80)} outside the SVG` };
  resvg ??= createRequire(import.meta.url)('@resvg/resvg-js') as ResvgModule;
  try {
    const r = new resvg.Resvg(text, {
      fitTo: { mode: 'width', value: SVG_RASTER_WIDTH },
      font: { loadSystemFonts: false },
      background: 'rgba(255, 255, 255, 0)',
    });
    // The drawn size follows the SVG's own size (width/height or viewBox), like the HTML's.
    const { width, height } = r;
    const png = r.render().asPng();
    return { png: new Uint8Array(png), width, height };
  } catch (e) {
    return {
      problem: `it is not a valid SVG (${String((e as Error).message ?? e).slice(0, 120)})`,
    };
  }
}
