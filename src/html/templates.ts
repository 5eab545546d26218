/**
 * The Handlebars layouts in `templates/` (not `templates/includes/`, which the Liquid stage
 * uses). Read and compiled once per process; a private Handlebars environment keeps our
 * partials out of the global one that other code may use.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { packageRoot } from '../package-root.js';

const PARTIALS = [
  'cover',
  'document-control',
  'contents',
  'chapter',
  'appendix',
  'colophon',
  'edition-contact',
] as const;

export type Layout = (view: object) => string;

let cached: Promise<Layout> | undefined;

export function handbookLayout(): Promise<Layout> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Layout> {
  const dir = join(packageRoot(), 'templates');
  const env = Handlebars.create();
  const read = (name: string): Promise<string> => readFile(join(dir, `${name}.hbs`), 'utf8');
  const partials = await Promise.all(PARTIALS.map(read));
  PARTIALS.forEach((name, i) => env.registerPartial(name, partials[i] ?? ''));
  const main = env.compile(await read('handbook'), { preventIndent: true });
  return (view) => main(view);
}

export type PartialName = (typeof PARTIALS)[number];

const partialCache = new Map<PartialName, Promise<Layout>>();

/**
 * One partial compiled on its own: the EPUB shows the cover, document control and colophon
 * as their own content documents, with the same words and markup as the HTML.
 */
export function partialLayout(name: PartialName): Promise<Layout> {
  let layout = partialCache.get(name);
  if (!layout) {
    const file = join(packageRoot(), 'templates', `${name}.hbs`);
    layout = readFile(file, 'utf8').then((source) => {
      const compiled = Handlebars.create().compile(source, { preventIndent: true });
      return (view: object) => compiled(view);
    });
    partialCache.set(name, layout);
  }
  return layout;
}
