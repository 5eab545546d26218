/** Runs the `handbook` CLI from the TypeScript sources (tests spawn it with `--import tsx`). */
import { main } from '../../src/cli.js';

process.exitCode = await main(process.argv.slice(2));
