/**
 * Bundles the CLI into `lib/cli/`: src/cli.ts with every module it imports, packages
 * included, as a few ES modules. A `handbook` run then loads a handful of files instead of
 * ~1,500 (unified, puppeteer-core, pdf-lib and docx are each hundreds of small modules), which
 * was a third of a warm build's CPU on two cores. The lazy `import()`s stay lazy: each becomes a
 * chunk of its own (code splitting), so `check` still never loads Puppeteer or pdf-lib.
 *
 * `lib/cli/meta.json` (esbuild's metafile) records which packages went into which chunk: the
 * benchmark reads it to tell which packages a run loaded.
 *
 * The library API (`lib/index.js`, compiled by tsc) is not bundled: it resolves its
 * dependencies through node_modules as any package does.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}lib/cli`;
rmSync(outdir, { recursive: true, force: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { handbook: 'src/cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The embedded Chromium finds its brotli archives next to its own files.
  // … and so does resvg its native binary (a platform package beside it).
  external: ['@sparticuz/chromium', '@resvg/resvg-js'],
  // Packages written as CommonJS call require(); in an ES module it has to be made.
  banner: {
    js: "import { createRequire as __hbCreateRequire } from 'node:module'; const require = __hbCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(`${outdir}/meta.json`, JSON.stringify(result.metafile));
