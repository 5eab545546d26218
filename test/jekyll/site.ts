/** Where Jekyll writes a page, and which layouts a site asks for (to stand in for them). */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Candidate output files of a permalink: `/a` → a.html, a/index.html; `/a/` → a/index.html. */
export function pageFile(permalink: string): string[] {
  const p = permalink.replace(/^\/+/, '');
  if (p === '' || p.endsWith('/')) return [`${p}index.html`];
  if (/\.html?$/i.test(p)) return [p];
  return [`${p}.html`, `${p}/index.html`, p];
}

/** Every layout name in `_config.yml` defaults and in front matter, plus `default`. */
export function layoutNames(root: string): string[] {
  const names = new Set(['default']);
  const scan = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) scan(file);
      } else if (/\.(md|markdown|html|ya?ml)$/i.test(entry.name)) {
        for (const m of readFileSync(file, 'utf8').matchAll(/^\s*layout:\s*["']?([\w-]+)/gm))
          if (m[1]) names.add(m[1]);
      }
    }
  };
  scan(root);
  return [...names].sort();
}

/**
 * The classes of the site's versions of the handbook's component templates (an include of the
 * same name as one in templates/includes): inside them the markup is the handbook's own. A class
 * the site's other includes use too (`nhsuk-list`) names no component.
 */
export function componentClasses(root: string, templatesDir: string): Set<string> {
  const components = new Set<string>();
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), name);
      else components.add(name);
    }
  };
  walk(templatesDir, '');
  const own = new Set<string>();
  const shared = new Set<string>();
  const includes = path.join(root, '_includes');
  const scan = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const name = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        scan(path.join(dir, entry.name), name);
        continue;
      }
      const target = components.has(name) ? own : shared;
      for (const m of readFileSync(path.join(dir, entry.name), 'utf8').matchAll(
        /class="([^"{}]+)"/g,
      ))
        for (const c of (m[1] ?? '').split(/\s+/)) if (c) target.add(c);
    }
  };
  try {
    scan(includes, '');
  } catch {
    return own;
  }
  for (const c of shared) own.delete(c);
  return own;
}
