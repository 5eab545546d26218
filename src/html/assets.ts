/**
 * Stylesheets and fonts, read once per process and inlined into every document: the HTML
 * must render identically with no network and no files beside it (PDF printing, archiving).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packageRoot } from '../package-root.js';

export type RenderMode = 'screen' | 'print';

/** Order matters: later sheets override earlier ones. */
const SHEETS: Record<RenderMode, string[]> = {
  screen: ['base.css', 'components.css', 'screen.css'],
  print: ['base.css', 'components.css', 'print.css', 'print-front.css'],
};

/**
 * The faces the stylesheets use, each weight upright and italic (emphasis inside bold text,
 * a subtitle in italics): without a real face Chromium synthesises one (slanted or smeared
 * glyphs in a Type 3 font, tight spacing). Latin subset only (the guide is in English).
 */
const FACES = [400, 600, 700].flatMap((weight) =>
  (['normal', 'italic'] as const).map((style) => ({ weight, style })),
);

export const FONT_FAMILY = 'Source Sans 3';

const sheetCache = new Map<RenderMode, Promise<string>>();
let fontCache: Promise<string> | undefined;

export function stylesheet(mode: RenderMode): Promise<string> {
  let css = sheetCache.get(mode);
  if (!css) {
    const dir = join(packageRoot(), 'styles');
    css = Promise.all(SHEETS[mode].map((f) => readFile(join(dir, f), 'utf8'))).then((parts) =>
      parts.join('\n'),
    );
    sheetCache.set(mode, css);
  }
  return css;
}

export function fontFaces(): Promise<string> {
  fontCache ??= loadFontFaces();
  return fontCache;
}

async function loadFontFaces(): Promise<string> {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('@fontsource/source-sans-3/package.json')), 'files');
  const rules = await Promise.all(
    FACES.map(async ({ weight, style }) => {
      // WOFF, not WOFF2: @fontsource's WOFF2 files carry the variable font's default-instance
      // names ("SourceSans3ExtraLight-Bold" for every weight), and Chromium embeds a face in
      // the PDF under its name table's PostScript name; the WOFF files name each face itself
      // ("SourceSans3-Bold"), same glyphs, some 4 KB more each.
      const file = join(dir, `source-sans-3-latin-${weight}-${style}.woff`);
      const data = (await readFile(file)).toString('base64');
      return (
        `@font-face { font-family: '${FONT_FAMILY}'; font-style: ${style}; ` +
        `font-weight: ${weight}; font-display: block; ` +
        `src: url(data:font/woff;base64,${data}) format('woff'); }`
      );
    }),
  );
  return rules.join('\n');
}
