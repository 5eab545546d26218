/**
 * The print profile (src/large-print.ts) in Word's units, for styles.ts and the run renderer.
 * Each style names its standard size; the profile decides what is printed: the standard
 * profile keeps every standard number as it is, a profile with sizes never goes below its
 * body size and scales what the standard sets larger than its body.
 */
import type { PrintProfile } from '../large-print.js';

/** The standard Word handbook's body size, pt (styles.ts). */
export const STANDARD_BODY_PT = 11;

export type SizeRole = 'text' | 'title' | 'subtitle' | { heading: number };

export interface WordProfile {
  /** Half-points for a text whose standard size is `standardPt`. */
  size(standardPt: number, role?: SizeRole): number;
  /** Line spacing in 240ths of a line (`w:line`, lineRule auto), from the standard value. */
  line(standard: number): number;
  /** Run properties for emphasis (`em`, `i`). */
  emphasis: { italics: true } | { bold: true };
  /** Run properties for text the standard sets in italics without meaning (captions, notes). */
  slant: { italics: true } | Record<string, never>;
}

export function wordProfile(profile: PrintProfile): WordProfile {
  const s = profile.sizes;
  const lineHeight = profile.lineHeight;
  const italic = profile.emphasis === 'italic';
  return {
    size(standardPt, role = 'text') {
      if (!s) return standardPt * 2;
      if (role === 'title') return s.title * 2;
      if (role === 'subtitle') return s.subtitle * 2;
      if (typeof role === 'object') {
        return s.headings[Math.min(Math.max(role.heading, 1), 6) - 1]! * 2;
      }
      return Math.max(s.body * 2, Math.round((standardPt * 2 * s.body) / STANDARD_BODY_PT));
    },
    line: (standard) => (lineHeight ? Math.round(240 * lineHeight) : standard),
    emphasis: italic ? { italics: true } : { bold: true },
    slant: italic ? { italics: true } : {},
  };
}
