/**
 * What the Word handbook shows of an edition, from `meta.edition` alone: the logo and the
 * organisation's address and contact lines on the cover, the edition in document control, the
 * brand colour in place of the styles' blue (checked against WCAG AA in resolve.ts).
 */
import { Paragraph, TextRun, type IStylesOptions } from 'docx';
import type { RenderContext } from '../docx/context.js';
import { toRuns } from '../docx/inline.js';
import { BLUE, S } from '../docx/styles.js';
import type { Handbook } from '../model.js';

/** The logo is drawn this high on the cover (px at 96 dpi: 2 cm). */
const LOGO_HEIGHT_PX = 76;

export function editionCoverTop(hb: Handbook, ctx: RenderContext): Paragraph[] {
  const logo = hb.meta.edition?.organisation?.logo;
  if (!logo) return [];
  const image = { t: 'image' as const, src: logo.src, alt: logo.alt, height: LOGO_HEIGHT_PX };
  return [new Paragraph({ style: S.coverDetail, children: toRuns([image], ctx) })];
}

export function editionCoverDetails(hb: Handbook): Paragraph[] {
  const e = hb.meta.edition;
  if (!e) return [];
  const name = e.organisation?.name ?? hb.meta.title;
  return [line(`Edition: ${name}`), ...contactLines(hb)];
}

/** Document control: which edition this is and whose, with the organisation's contacts. */
export function editionControl(hb: Handbook): Paragraph[] {
  const e = hb.meta.edition;
  if (!e) return [];
  const name = e.organisation?.name ?? hb.meta.title;
  return [
    new Paragraph({
      children: [
        new TextRun({ text: 'Edition: ', style: S.strong }),
        new TextRun(`${name} (${e.id})`),
      ],
    }),
    ...contactLines(hb),
  ];
}

function contactLines(hb: Handbook): Paragraph[] {
  const o = hb.meta.edition?.organisation;
  if (!o) return [];
  return [...o.address, ...o.contact].map((t) => line(t));
}

function line(text: string): Paragraph {
  return new Paragraph({ style: S.coverDetail, children: [new TextRun(text)] });
}

/** The styles with the brand colour wherever they use the palette's blue. */
export function brandStyles(styles: IStylesOptions, hb: Handbook): IStylesOptions {
  const brand = hb.meta.edition?.colour?.brand;
  if (!brand) return styles;
  const to = brand.slice(1).toUpperCase();
  return recolour(styles, to) as IStylesOptions;
}

function recolour(value: unknown, to: string): unknown {
  if (value === BLUE) return to;
  if (Array.isArray(value)) return value.map((v) => recolour(v, to));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, recolour(v, to)]));
  }
  return value;
}
