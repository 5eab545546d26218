#!/usr/bin/env node
// Thin launcher: the CLI is bundled into lib/cli/ by `npm ci` (the `prepare` script).
// The first line is a plain `#!/usr/bin/env node` on purpose: npm's shim generator (cmd-shim)
// turns it into the Windows `handbook.cmd`/`handbook.ps1` that run `node` on this file; any
// `env -S` option or Node flag there would break those shims. Start-up settings that need
// flags are made inside Node instead (src/gc.ts).
import { main } from '../lib/cli/handbook.js';

process.exitCode = await main(process.argv.slice(2));
