/**
 * Editions of one guide lay out alike: where the headings landed in the edition printed last
 * in this process is a good guess for the next one (the first print is then usually the last;
 * a wrong guess costs the pass it would have cost anyway, and never changes the bytes). Only
 * edition builds read it, so the main guide's build is as before.
 */
import type { Handbook } from '../model.js';

const lastPrinted = new Map<string, Record<string, number>>();

export function editionGuess(source: string, hb: Handbook): Record<string, number> | undefined {
  return hb.meta.edition ? lastPrinted.get(source) : undefined;
}

export function rememberPrint(source: string, pageOf: Record<string, number>): void {
  lastPrinted.set(source, pageOf);
}
