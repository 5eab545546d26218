/* global process */
// Loader hook (runs in the loader thread): appends each loaded node_modules URL to a file.
import { appendFileSync } from 'node:fs';

const out = process.env.HB_PROBE_FILE;

export async function load(url, context, next) {
  if (out && url.includes('/node_modules/')) appendFileSync(out, `${url}\n`);
  return next(url, context);
}
