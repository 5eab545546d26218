/**
 * The editions fixture: a copy of content/ whose handbook.yml carries the two editions of
 * test/fixtures/editions/editions.yml (local pages after a chapter and as an appendix, a chapter
 * and two sections left out, a logo, two brand colours, variables), with a line in the shared
 * kick-off chapter that only the south edition prints.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyContent } from '../release/tree.js';

export const FIXTURE = fileURLToPath(new URL('../fixtures/editions', import.meta.url));

export async function editionsSource(dir: string): Promise<string> {
  const source = await copyContent(dir);
  const config = join(source, 'handbook.yml');
  const own = (await readFile(config, 'utf8')).split(/^# Editions:/m)[0] ?? '';
  const extra = await readFile(join(FIXTURE, 'editions.yml'), 'utf8');
  await writeFile(config, `${own.trimEnd()}\n\n${extra}`);
  await cp(join(FIXTURE, '_editions'), join(source, '_editions'), { recursive: true });
  await cp(join(FIXTURE, 'assets'), join(source, 'assets'), { recursive: true });
  const kickOff = join(source, 'guide', '02-kick-off.md');
  await writeFile(
    kickOff,
    `${await readFile(kickOff, 'utf8')}\n{% if site.edition.id == 'south-icb' %}SOUTHMARK in {{ site.edition.region }}.{% endif %}\n`,
  );
  return source;
}

/** The same source with no editions at all (the main guide must not change). */
export async function withoutEditions(source: string): Promise<void> {
  const config = join(source, 'handbook.yml');
  const text = await readFile(config, 'utf8');
  await writeFile(config, text.split(/^# Appended to a copy/m)[0] ?? text);
}
