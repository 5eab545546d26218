#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node
// Thin launcher: the CLI is bundled into lib/cli/ by `npm ci` (the `prepare` script).
import { main } from '../lib/cli/handbook.js';

process.exitCode = await main(process.argv.slice(2));
