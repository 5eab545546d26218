// Loaded with `node --import ./bench/probe/register.mjs …`: records every package module and
// CLI bundle chunk the ESM loader loads into $HB_PROBE_FILE, so the bench can show which runs
// load Puppeteer or pdf-lib (chunks are mapped to the packages in them by lib/cli/meta.json).
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
