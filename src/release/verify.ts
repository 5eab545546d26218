/**
 * `handbook verify <release-dir>`: re-checks every file against manifest.json (size and
 * SHA-256) and reports changed, missing and unexpected files.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { HandbookError } from '../errors.js';
import { MANIFEST_NAME, parseManifest, sha256 } from './manifest.js';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  problems: string[];
}

export async function verify(dir: string): Promise<VerifyResult> {
  const root = resolve(dir);
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new HandbookError('RELEASE_INVALID', `${dir} is not a release directory`, {
      hint: 'give the path of a release, e.g. dist/releases/1.0.0',
    });
  }
  let manifest;
  try {
    manifest = parseManifest(await readFile(join(root, MANIFEST_NAME), 'utf8'));
  } catch (e) {
    const why =
      (e as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'missing'
        : `unreadable (${(e as Error).message})`;
    return { ok: false, checked: 0, problems: [`${MANIFEST_NAME}: ${why}`] };
  }

  const problems: string[] = [];
  let checked = 0;
  for (const f of manifest.files) {
    const data = await readFile(join(root, f.name)).catch((e: NodeJS.ErrnoException) => e);
    if (data instanceof Error) {
      problems.push(
        `${f.name}: ${data.code === 'ENOENT' ? 'missing' : `unreadable (${data.code ?? data.message})`}`,
      );
      continue;
    }
    checked++;
    if (data.byteLength !== f.bytes) {
      problems.push(
        `${f.name}: size ${data.byteLength} bytes differs from the manifest's ${f.bytes} (file changed)`,
      );
    } else if (sha256(data) !== f.sha256) {
      problems.push(`${f.name}: SHA-256 differs from the manifest (file changed)`);
    }
  }
  const listed = new Set([MANIFEST_NAME, ...manifest.files.map((f) => f.name)]);
  for (const name of (await readdir(root)).sort()) {
    if (!listed.has(name)) problems.push(`${name}: unexpected file (not in the manifest)`);
  }
  return { ok: problems.length === 0, checked, problems };
}
