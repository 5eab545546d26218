/** The toolchain's print templates (`templates/includes/`), read once per process. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../package-root.js';

const loaded = new Map<string, Record<string, string>>();

/** `templates/includes` of the package. */
export function defaultTemplatesDir(): string {
  return path.join(packageRoot(), 'templates', 'includes');
}

/** Templates by relative name (`carecard.html`, `steps/step.html`). */
export function toolchainTemplates(dir: string = defaultTemplatesDir()): Record<string, string> {
  let templates = loaded.get(dir);
  if (!templates) {
    templates = {};
    readInto(dir, '', templates);
    loaded.set(dir, templates);
  }
  return templates;
}

function readInto(root: string, rel: string, out: Record<string, string>): void {
  for (const e of readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const name = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) readInto(root, name, out);
    else if (e.isFile() && !e.name.startsWith('.'))
      out[name] = readFileSync(path.join(root, name), 'utf8');
  }
}
