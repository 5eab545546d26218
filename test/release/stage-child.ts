/** Child process for the interrupt test: stages a release, then waits to be signalled. */
import { onInterrupt, Stage } from '../../src/release/staging.js';

const stage = await Stage.open(process.argv[2]!, '1.0.0');
await stage.write('handbook.html', '<p>half a release</p>');
onInterrupt(() => stage.discardSync());
process.stdout.write(`${stage.dir}\n`);
setInterval(() => undefined, 1000);
