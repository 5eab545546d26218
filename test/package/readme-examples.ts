/** The README's library examples: every ```js block of its "## Library" section, in order. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function libraryExamples(root: string): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Library\n');
  if (start === -1) throw new Error('README.md has no "## Library" section');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/^```js\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

/** The names an example imports from the package root. */
export function importedNames(code: string): string[] {
  return [...code.matchAll(/import \{([^}]+)\} from 'handbook-press'/g)].flatMap((m) =>
    m[1]!.split(',').map((n) => n.trim()),
  );
}
