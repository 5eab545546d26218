/**
 * A guide of N times the content, for the scale benchmark: the source tree is copied and every
 * chapter after the introduction gets N−1 copies with unique permalinks, chained by
 * `nextpage`/`previouspage` and listed next to the original in the navigation data (and in
 * handbook.yml when it lists chapters). The result is a valid tree that the loader orders
 * exactly as a real, longer guide.
 *
 *   node --import tsx bench/generate.ts [--source content] [--factor 10] --out DIR
 */
import { cpSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import YAML from 'yaml';

export interface PageRef {
  /** Relative to the source root, POSIX separators. */
  path: string;
  permalink: string;
}

export interface Generated {
  dir: string;
  /** The chapters that were multiplied. */
  multiplied: PageRef[];
  /** Pages added. */
  added: number;
}

const norm = (url: string): string => (url.length > 1 ? url.replace(/\/+$/, '') : url);

/** Copies `source` to `dest` and multiplies its chapters `factor` times. */
export async function generateScaledGuide(
  source: string,
  factor: number,
  dest: string,
): Promise<Generated> {
  cpSync(source, dest, { recursive: true });
  const pages = await chaptersToMultiply(source);
  const copies = new Map<string, PageRef[]>();
  for (const p of pages) copies.set(norm(p.permalink), multiplyPage(dest, p, factor));
  relinkPrevious(dest, pages, copies);
  for (const file of yamlFiles(dest)) insertIntoLists(file, pages, copies);
  return { dir: dest, multiplied: pages, added: pages.length * (factor - 1) };
}

/** The chapters in reading order minus the first (the introduction, which holds the appendix). */
async function chaptersToMultiply(source: string): Promise<PageRef[]> {
  try {
    const { loadSource } = await import('../src/load/index.js');
    const { Diagnostics } = await import('../src/diagnostics.js');
    const tree = await loadSource(resolve(source), new Diagnostics());
    return tree.order.slice(1).map((o) => ({ path: o.page.path, permalink: o.page.permalink }));
  } catch {
    return chaptersFromNavigation(source);
  }
}

/** Fallback while the loader is not there: pages whose permalink a navigation list names. */
function chaptersFromNavigation(source: string): PageRef[] {
  const byPermalink = new Map<string, PageRef>();
  for (const path of markdownPages(source)) {
    const fm = splitFrontMatter(readFileSync(join(source, path), 'utf8'))?.fm ?? '';
    const permalink = /^permalink:\s*["']?([^"'\s]+)/m.exec(fm)?.[1];
    if (permalink) byPermalink.set(norm(permalink), { path, permalink });
  }
  // The reading-order list is the one naming the most pages (not the top menu or promotions).
  let best: PageRef[] = [];
  for (const file of yamlFiles(source).filter((f) => f.includes(`${sep}_data${sep}`))) {
    walk(YAML.parse(readFileSync(file, 'utf8')), (v) => {
      if (!Array.isArray(v)) return;
      const hits = v
        .map((x: unknown) => (x as { url?: unknown } | null)?.url)
        .map((u) => (typeof u === 'string' ? byPermalink.get(norm(u)) : undefined))
        .filter((p): p is PageRef => p !== undefined);
      if (hits.length > best.length) best = [...new Set(hits)];
    });
  }
  return best.slice(1);
}

function markdownPages(root: string, dir = root): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('_') || e.name.startsWith('.') || e.name === 'node_modules') continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...markdownPages(root, full));
    else if (e.name.endsWith('.md')) out.push(relative(root, full).split(sep).join('/'));
  }
  return out;
}

function yamlFiles(root: string): string[] {
  const data = join(root, '_data');
  const files = existsSync(data)
    ? readdirSync(data)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(data, f))
    : [];
  const hb = join(root, 'handbook.yml');
  return existsSync(hb) ? [...files, hb] : files;
}

function splitFrontMatter(raw: string): { fm: string; rest: string } | undefined {
  const m = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(raw);
  return m ? { fm: m[1]!, rest: raw.slice(m[0].length) } : undefined;
}

/** Sets (or, with `undefined`, removes) a top-level front-matter key, keeping the other lines. */
function setKey(fm: string, key: string, value: string | undefined): string {
  const re = new RegExp(`^${key}:.*$`, 'm');
  const line = value === undefined ? '' : `${key}: ${JSON.stringify(value)}`;
  if (re.test(fm))
    return value === undefined
      ? fm.replace(new RegExp(`^${key}:.*\\r?\\n?`, 'm'), '')
      : fm.replace(re, line);
  return value === undefined ? fm : `${fm}\n${line}`;
}

function scalar(fm: string, key: string): string | undefined {
  const v = new RegExp(`^${key}:[ \\t]*(.*)$`, 'm').exec(fm)?.[1]?.trim();
  if (!v) return undefined;
  try {
    const parsed: unknown = YAML.parse(v);
    return typeof parsed === 'string' ? parsed : String(parsed);
  } catch {
    return v;
  }
}

/** Writes copies 2..factor of one page, chained after the original; returns the copies. */
function multiplyPage(dest: string, page: PageRef, factor: number): PageRef[] {
  const file = join(dest, page.path);
  const parts = splitFrontMatter(readFileSync(file, 'utf8'));
  if (!parts) return [];
  const next = scalar(parts.fm, 'nextpage');
  const title = scalar(parts.fm, 'title') ?? page.permalink;
  const base = norm(page.permalink);
  const copies: PageRef[] = [];
  for (let k = 2; k <= factor; k++) {
    copies.push({ path: page.path.replace(/\.md$/, `-x${k}.md`), permalink: `${base}-x${k}` });
  }
  const chain = [{ path: page.path, permalink: page.permalink }, ...copies];
  chain.forEach((p, i) => {
    let fm = parts.fm;
    if (i > 0) {
      fm = setKey(fm, 'permalink', p.permalink);
      fm = setKey(fm, 'title', `${title} (part ${i + 1})`);
      fm = setKey(fm, 'previouspage', chain[i - 1]!.permalink);
    }
    fm = setKey(fm, 'nextpage', chain[i + 1]?.permalink ?? next);
    writeFileSync(join(dest, p.path), `---\n${fm}\n---\n${parts.rest}`);
  });
  return copies;
}

/** A page whose `previouspage` was a multiplied chapter now points at that chapter's last copy. */
function relinkPrevious(dest: string, pages: PageRef[], copies: Map<string, PageRef[]>): void {
  for (const p of pages) {
    const file = join(dest, p.path);
    const parts = splitFrontMatter(readFileSync(file, 'utf8'));
    const prev = parts && scalar(parts.fm, 'previouspage');
    const last = prev ? copies.get(norm(prev))?.at(-1) : undefined;
    if (parts && last)
      writeFileSync(
        file,
        `---\n${setKey(parts.fm, 'previouspage', last.permalink)}\n---\n${parts.rest}`,
      );
  }
}

function walk(v: unknown, visit: (v: unknown) => void): void {
  visit(v);
  if (Array.isArray(v)) v.forEach((x) => walk(x, visit));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => walk(x, visit));
}

function refOf(item: unknown): string | undefined {
  const ref = typeof item === 'string' ? item : (item as { url?: unknown } | null)?.url;
  return typeof ref === 'string' ? ref : undefined;
}

/** In every list of a YAML file, puts the copies right after the entry naming a multiplied page. */
function insertIntoLists(file: string, pages: PageRef[], copies: Map<string, PageRef[]>): void {
  const data: unknown = YAML.parse(readFileSync(file, 'utf8'));
  const byRef = new Map<string, { page: PageRef; copies: PageRef[] }>();
  for (const p of pages) {
    const entry = { page: p, copies: copies.get(norm(p.permalink)) ?? [] };
    byRef.set(norm(p.permalink), entry);
    byRef.set(p.path, entry);
  }
  let changed = false;
  walk(data, (v) => {
    // Only reading-order lists (several chapters), not a top menu or promotions naming one.
    if (
      !Array.isArray(v) ||
      v.filter((x: unknown) => byRef.has(refOf(x) ?? '') || byRef.has(norm(refOf(x) ?? '')))
        .length < 3
    )
      return;
    for (let i = v.length - 1; i >= 0; i--) {
      const item: unknown = v[i];
      const ref = refOf(item);
      const hit = ref !== undefined ? (byRef.get(ref) ?? byRef.get(norm(ref))) : undefined;
      if (!hit || hit.copies.length === 0) continue;
      const byPath = typeof item === 'string' && item === hit.page.path;
      const added = hit.copies.map((c, k) =>
        typeof item === 'string'
          ? byPath
            ? c.path
            : c.permalink
          : {
              ...(item as object),
              url: c.permalink,
              title: `${String((item as { title?: unknown }).title ?? '')} (part ${k + 2})`,
            },
      );
      v.splice(i + 1, 0, ...added);
      changed = true;
    }
  });
  if (changed) writeFileSync(file, YAML.stringify(data));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      source: { type: 'string', default: 'content' },
      factor: { type: 'string', default: '10' },
      out: { type: 'string' },
    },
  });
  if (!values.out) throw new Error('give --out DIR (a new directory)');
  const g = await generateScaledGuide(values.source!, Number(values.factor), resolve(values.out));
  process.stdout.write(
    `${g.dir}: ${g.multiplied.length} chapters ×${values.factor} (+${g.added} pages)\n`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
