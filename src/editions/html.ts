/**
 * What the HTML (and so the PDF) shows of an edition, from `meta.edition` alone: the logo as a
 * data: URI (the document stays self-contained), the organisation's address and contact lines,
 * and the brand colour as the stylesheet's blue (checked against WCAG AA in resolve.ts).
 */
import { extname } from 'node:path';
import { readAsset } from '../assets.js';
import type { HandbookMeta } from '../model.js';

export interface EditionHtml {
  id: string;
  name: string;
  logo?: { src: string; alt: string };
  address: string[];
  contact: string[];
  css: string;
}

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
};

export async function editionHtml(
  meta: HandbookMeta,
  assetsRoot: string | undefined,
): Promise<EditionHtml | undefined> {
  const e = meta.edition;
  if (!e) return undefined;
  const org = e.organisation;
  const out: EditionHtml = {
    id: e.id,
    name: org?.name ?? meta.title,
    address: org?.address ?? [],
    contact: org?.contact ?? [],
    css: e.colour ? colourCss(e.colour) : '',
  };
  const logo = org?.logo;
  const found = logo && assetsRoot ? await readAsset(logo.src, assetsRoot) : undefined;
  const mime = found && MIME[extname(found.file).toLowerCase()];
  if (logo && found && mime)
    out.logo = {
      src: `data:${mime};base64,${Buffer.from(found.bytes).toString('base64')}`,
      alt: logo.alt,
    };
  return out;
}

/** After the stylesheets: the brand colour replaces the palette's blues. */
function colourCss(c: { brand: string; text: string }): string {
  return [
    `:root { --hb-blue: ${c.brand}; --hb-dark-blue: ${c.brand}; }`,
    `.hb-cover__band, .hb-card__heading { color: ${c.text}; }`,
  ].join('\n');
}
