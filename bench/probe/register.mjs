// Loaded with `node --import ./bench/probe/register.mjs …`: records every package module the
// ESM loader loads into $HB_PROBE_FILE, so the bench can show which runs load Puppeteer or pdf-lib.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
