/**
 * The print profile: every size, spacing and emphasis decision that differs between the standard
 * handbook and the large print one (RNIB's clear and large print guidance), decided once here from
 * the build option. The PDF's CSS (src/html/profile-css.ts) and the Word styles
 * (src/docx/styles.ts) read the profile; neither asks whether it is large print.
 */
import { HandbookError } from './errors.js';

/** RNIB: large print starts at 16 pt. */
export const LARGE_PRINT_MIN_PT = 16;
/** The largest body size offered: at 24 pt an A4 line still holds about 40 characters. */
export const LARGE_PRINT_MAX_PT = 24;
/** Body size when large print is asked for without one. */
export const LARGE_PRINT_DEFAULT_PT = LARGE_PRINT_MIN_PT;

export interface LargePrintOption {
  /** Body text size in points, LARGE_PRINT_MIN_PT–LARGE_PRINT_MAX_PT. */
  bodyPt: number;
}

/** Text sizes in points, by role. */
export interface ProfileSizes {
  /** Running text, lists, tables, cards, contents, captions, notes, head and foot. */
  body: number;
  /** h1 … h6 (chapter titles are h1). */
  headings: readonly [number, number, number, number, number, number];
  /** The cover's title and subtitle. */
  title: number;
  subtitle: number;
}

export interface PageMargins {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface PrintProfile {
  /** A name for caches and messages: `standard`, `large-print-16`. */
  readonly name: string;
  /** Absent: each format keeps its own standard sizes (styles/*.css, src/docx/styles.ts). */
  readonly sizes?: ProfileSizes;
  /** Line height as a multiple of the text size; absent: the formats' own. */
  readonly lineHeight?: number;
  /** How `em`/`i` text is set: italic, or bold where italics are hard to read. */
  readonly emphasis: 'italic' | 'bold';
  /** Page margins in mm (A4 portrait either way); absent: the formats' own. */
  readonly marginsMm?: PageMargins;
}

export const STANDARD_PROFILE: PrintProfile = Object.freeze({
  name: 'standard',
  emphasis: 'italic',
});

/** Half-point steps, as Word stores sizes: the same number in the PDF and the DOCX. */
const halfPoints = (pt: number): number => Math.round(pt * 2) / 2;

/**
 * RNIB: at least the body size everywhere (nothing smaller, headings larger), a sans-serif face
 * (the handbook's own), left aligned, line spacing about 1.5, bold instead of italics. Margins a
 * little deeper than the standard's, for running heads and footers set at the body size.
 */
export function largePrintProfile(option: LargePrintOption): PrintProfile {
  const b = option.bodyPt;
  const scale = [1.75, 1.5, 1.25, 1.125, 1, 1].map((f) => halfPoints(b * f));
  return Object.freeze({
    name: `large-print-${b}`,
    sizes: Object.freeze({
      body: b,
      headings: Object.freeze(scale) as unknown as ProfileSizes['headings'],
      title: halfPoints(b * 2.25),
      subtitle: halfPoints(b * 1.25),
    }),
    lineHeight: 1.5,
    emphasis: 'bold',
    marginsMm: Object.freeze({ top: 30, right: 18, bottom: 28, left: 20 }),
  });
}

export function printProfile(option: LargePrintOption | undefined): PrintProfile {
  return option ? largePrintProfile(option) : STANDARD_PROFILE;
}

/**
 * The option as given (library or CLI) → a checked one: `true` or `{}` means the default size;
 * a size out of range is a usage error naming the range.
 */
export function resolveLargePrint(
  value: boolean | Partial<LargePrintOption> | undefined,
): LargePrintOption | undefined {
  if (value === undefined || value === false) return undefined;
  const bodyPt = value === true ? undefined : value.bodyPt;
  if (bodyPt === undefined) return Object.freeze({ bodyPt: LARGE_PRINT_DEFAULT_PT });
  const hint = `give a size from ${LARGE_PRINT_MIN_PT} to ${LARGE_PRINT_MAX_PT} pt, in half points (e.g. 18 or 18.5)`;
  if (
    typeof bodyPt !== 'number' ||
    !Number.isFinite(bodyPt) ||
    bodyPt < LARGE_PRINT_MIN_PT ||
    bodyPt > LARGE_PRINT_MAX_PT
  ) {
    throw new HandbookError('USAGE', `large print body size ${String(bodyPt)} pt is out of range`, {
      hint,
    });
  }
  // Word stores sizes in half points: a size between them would differ between PDF and DOCX.
  if (halfPoints(bodyPt) !== bodyPt) {
    throw new HandbookError('USAGE', `large print body size ${bodyPt} pt is not in half points`, {
      hint,
    });
  }
  return Object.freeze({ bodyPt });
}

/** `--body-size` as typed: a number of points, optionally with `pt`. */
export function parseBodySize(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:pt)?\s*$/i.exec(text);
  if (!m) {
    throw new HandbookError('USAGE', `--body-size "${text}" is not a size in points`, {
      hint: `give a number of points from ${LARGE_PRINT_MIN_PT} to ${LARGE_PRINT_MAX_PT}, e.g. --body-size 18`,
    });
  }
  return Number(m[1]);
}
