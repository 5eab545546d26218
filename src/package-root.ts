/**
 * Templates, styles and package.json ship beside the code (package.json `files`), but the
 * code runs from `src/` under tsx, from `lib/` as the library and from the CLI bundle in
 * `lib/cli/`, so the package root is found by walking up to the directory that holds
 * `templates/handbook.hbs`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'templates', 'handbook.hbs'))) return (cached = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('handbook-press: templates/handbook.hbs not found');
    dir = parent;
  }
}
