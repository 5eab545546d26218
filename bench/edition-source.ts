/**
 * A copy of a guide with `count` editions for the editions benchmark: each a copy of the
 * guide's first edition (content/: example-icb, with its logo, colour, local page and left-out
 * chapter) under its own id and organisation name; a guide with no edition gets plain ones
 * (organisation and colour). handbook.yml is rewritten as JSON, which is YAML.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseHandbookConfig } from '../src/load/config.js';

export async function editionSource(
  source: string,
  dir: string,
  count: number,
): Promise<{ source: string; ids: string[] }> {
  await cp(source, dir, { recursive: true });
  const file = join(dir, 'handbook.yml');
  const text = await readFile(file, 'utf8').catch(() => undefined);
  const { config } = parseHandbookConfig(text);
  const model = config.editions?.[0] ?? { id: 'x', colour: '#00594c', leaveOut: [], variables: {} };
  const ids = Array.from({ length: count }, (_, i) => `bench-${String(i + 1).padStart(2, '0')}`);
  const editions = ids.map((id, i) => ({
    ...model,
    id,
    organisation: { ...(model.organisation ?? {}), name: `Bench Integrated Care Board ${i + 1}` },
  }));
  await writeFile(file, `${JSON.stringify({ ...config, editions }, null, 2)}\n`);
  return { source: dir, ids };
}
