#!/usr/bin/env node
// Thin launcher: the CLI is compiled to lib/ by `npm ci` (the `prepare` script).
import { main } from '../lib/cli.js';

process.exitCode = await main(process.argv.slice(2));
