/**
 * The Chromium shipped inside the `@sparticuz/chromium` npm package (Linux x64 only): unpacked
 * once into the per-user cache (src/user-cache.ts), in a folder named after the package's
 * version, and reused by every later build. The package unpacks into os.tmpdir(); pointing
 * TMPDIR at a staging folder for that one call and renaming the folder into place when it is
 * complete means a half-unpacked browser is never used (the package's own check only asks
 * whether the file exists) and two builds racing leave one good copy.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { userCacheDir, type UserCacheOptions } from '../user-cache.js';

/** Platforms the package's binary runs on. */
export function embeddedSupported(platform: NodeJS.Platform, arch: string): boolean {
  return platform === 'linux' && arch === 'x64';
}

const PACKAGE = '@sparticuz/chromium';

async function packageVersion(): Promise<string> {
  // The package's exports hide its package.json: walk up from the entry point to it (past the
  // build folders' own `{"type": …}` package.json files).
  let dir = dirname(createRequire(import.meta.url).resolve(PACKAGE));
  for (;;) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(await readFile(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === PACKAGE && pkg.version) return pkg.version;
    }
    if (dirname(dir) === dir) throw new Error(`${PACKAGE}: package.json not found`);
    dir = dirname(dir);
  }
}

/** The folder this version is unpacked to. */
export async function embeddedDir(opts: UserCacheOptions = {}): Promise<string> {
  return join(userCacheDir(opts), `chromium-${await packageVersion()}`);
}

const TMP_VARS = ['TMPDIR', 'TMP', 'TEMP'] as const;

/** Unpacks the embedded Chromium (once) and returns its executable. */
export async function unpackEmbedded(opts: UserCacheOptions = {}): Promise<string> {
  const dir = await embeddedDir(opts);
  const exe = join(dir, 'chromium');
  if (existsSync(exe)) return exe;
  const staging = `${dir}.partial-${process.pid}-${Date.now()}`;
  await mkdir(staging, { recursive: true });
  const saved = TMP_VARS.map((k) => process.env[k]);
  try {
    const chromium = (await import('@sparticuz/chromium')).default;
    for (const k of TMP_VARS) process.env[k] = staging;
    await chromium.executablePath();
  } catch (e) {
    await rm(staging, { recursive: true, force: true });
    throw e;
  } finally {
    TMP_VARS.forEach((k, i) => {
      if (saved[i] === undefined) delete process.env[k];
      else process.env[k] = saved[i];
    });
  }
  try {
    await rename(staging, dir);
  } catch {
    // Another build unpacked the same version first: use its copy.
    await rm(staging, { recursive: true, force: true });
  }
  return exe;
}
