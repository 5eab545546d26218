/**
 * `verify` of a release of editions: the file set is every edition's handbooks and snapshot in
 * its own folder (`<id>/handbook.pdf`, `<id>/snapshot.json`) and one CHANGES.md; any other
 * file, in the release or in an edition's folder, is reported.
 */
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Format } from '../options.js';
import type { Manifest } from '../release/manifest.js';
import { EDITION_ID } from './schema.js';

/** Edition ids in a manifest must be folder names a release writes, never paths. */
export function editionProblems(m: Manifest): string[] {
  return (m.editions ?? [])
    .filter((e) => typeof e?.id !== 'string' || !(e.id === 'default' || EDITION_ID.test(e.id)))
    .map((e) => `manifest.json: edition id ${JSON.stringify(e?.id)} is not an edition id`);
}

export function editionFileSet(m: Manifest, formats: readonly Format[]): string[] | undefined {
  if (!m.editions) return undefined;
  return [
    ...m.editions.flatMap((e) => [
      ...formats.map((f) => `${e.id}/handbook.${f}`),
      `${e.id}/snapshot.json`,
    ]),
    'CHANGES.md',
  ];
}

/** Every entry of the release, with one level of edition folders opened. */
export async function releaseEntries(root: string, m: Manifest): Promise<string[]> {
  const out: string[] = [];
  const ids = new Set((m.editions ?? []).map((e) => e.id));
  for (const name of (await readdir(root)).sort()) {
    const info = await lstat(join(root, name));
    if (ids.has(name) && info.isDirectory()) {
      for (const inner of (await readdir(join(root, name))).sort()) out.push(`${name}/${inner}`);
    } else out.push(name);
  }
  return out;
}
