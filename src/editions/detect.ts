/**
 * Whether a guide has editions at all, without parsing handbook.yml (and so without loading
 * the schema): a `check` of a guide with none stays as cheap as before.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export async function mayHaveEditions(source: string): Promise<boolean> {
  const text = await readFile(path.join(source, 'handbook.yml'), 'utf8').catch(() => '');
  return /^editions\s*:/m.test(text);
}
