import { readFileSync } from 'node:fs';
import { PDFDocument, ParseSpeeds } from 'pdf-lib';
for (const f of ['/tmp/v-asis.pdf', '/tmp/v-relative.pdf']) {
  const bytes = readFileSync(f);
  for (let r = 0; r < 3; r++) {
    let t = performance.now();
    const a = await PDFDocument.load(bytes, { updateMetadata: false });
    const tDef = performance.now() - t; t = performance.now();
    const b = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
    const tFast = performance.now() - t; t = performance.now();
    await a.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
    const sDef = performance.now() - t; t = performance.now();
    await b.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity });
    const sFast = performance.now() - t;
    console.log(f, 'objects', a.context.enumerateIndirectObjects().length, 'load default', Math.round(tDef), 'fastest', Math.round(tFast), '| save default', Math.round(sDef), 'objectsPerTick=Inf', Math.round(sFast));
  }
}
