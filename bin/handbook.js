#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node --expose-gc
// Thin launcher: the CLI is bundled into lib/cli/ by `npm ci` (the `prepare` script).
// Node starts without NODE_EXTRA_CA_CERTS (the CLI opens no TLS connection; parsing them costs
// ~0.13 s before any code runs) and with --expose-gc (a build from the sources collects the
// parsers' garbage before Chromium prints: a lower peak of memory for big guides).
import { main } from '../lib/cli/handbook.js';

process.exitCode = await main(process.argv.slice(2));
