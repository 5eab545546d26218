/* global process */
// Loader hook (runs in the loader thread): appends each loaded package module or CLI bundle
// chunk URL to a file.
import { appendFileSync } from 'node:fs';

const out = process.env.HB_PROBE_FILE;

export async function load(url, context, next) {
  if (out && (url.includes('/node_modules/') || url.includes('/lib/cli/')))
    appendFileSync(out, `${url}\n`);
  return next(url, context);
}
