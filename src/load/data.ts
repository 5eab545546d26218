/**
 * `_data/`: YAML (and JSON) data files by stem, nested directories as nested objects (as
 * Jekyll does), plus every navigation list found inside them.
 */
import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import type { NavigationList } from '../model.js';
import { HandbookError } from '../errors.js';
import { parseYaml, type YamlFile } from './yaml-file.js';

export interface DataResult {
  data: Record<string, unknown>;
  navigation: NavigationList[];
}

/** `files`: data file path (relative to the source root) → text. */
export function loadData(files: { path: string; text: string }[]): DataResult {
  const data: Record<string, unknown> = {};
  const navigation: NavigationList[] = [];
  for (const { path, text } of files) {
    const match = /^_data\/(.+)\.(ya?ml|json)$/i.exec(path);
    if (!match?.[1]) continue;
    let value: unknown;
    if (match[2]?.toLowerCase() === 'json') {
      value = parseJson(text, path);
    } else {
      const yaml = parseYaml(text, path, 'CONFIG');
      value = yaml.value;
      navigation.push(...findNavigationLists(yaml, path));
    }
    setNested(data, match[1].split('/'), value);
  }
  return { data, navigation };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new HandbookError('CONFIG', `${file}: invalid JSON: ${(cause as Error).message}`, {
      file,
      cause,
    });
  }
}

function setNested(target: Record<string, unknown>, keys: string[], value: unknown): void {
  let obj = target;
  for (const key of keys.slice(0, -1)) {
    const next = obj[key];
    if (next && typeof next === 'object' && !Array.isArray(next))
      obj = next as Record<string, unknown>;
    else obj = obj[key] = {};
  }
  obj[keys[keys.length - 1] ?? ''] = value;
}

/**
 * Every sequence whose items are mostly `{title, url}` maps, at any depth. Entries keep the
 * line of their `url` (what an editor fixes when it is wrong). Nested lists inside an entry
 * (the documentation theme's `folders > folderitems > subfolders > subfolderitems`, Minimal
 * Mistakes' `children`) are read in place: a child follows its parent, as the sidebar shows.
 */
export function findNavigationLists(file: YamlFile, path: string): NavigationList[] {
  const lists: NavigationList[] = [];
  const visit = (node: unknown, key: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const name = isScalar(pair.key) ? String(pair.key.value) : '?';
        visit(pair.value, key ? `${key}.${name}` : name);
      }
    } else if (isSeq(node)) {
      const { entries, titled } = flatten(node, file);
      if (entries.length > 0 && entries.length * 2 >= titled) {
        lists.push({ file: path, key, entries });
        return;
      }
      node.items.forEach((item, i) => visit(item, `${key}[${i}]`));
    }
  };
  visit(file.doc.contents, '');
  return lists;
}

/** The entries of a sequence and of the sequences nested in its items, in reading order. */
function flatten(
  seq: unknown,
  file: YamlFile,
): { entries: NavigationList['entries']; titled: number } {
  const entries: NavigationList['entries'] = [];
  let titled = 0;
  if (!isSeq(seq)) return { entries, titled };
  for (const item of seq.items) {
    if (!isMap(item)) continue;
    const title = scalarOf(item, 'title');
    const url = scalarOf(item, 'url');
    if (title) titled++;
    if (title && url && typeof url.value === 'string') {
      const range = (url as Node).range;
      entries.push({
        title: String(title.value),
        url: url.value,
        line: range ? file.lineAt(range[0]) : undefined,
      });
    }
    for (const pair of item.items) {
      if (!isPair(pair) || !isSeq(pair.value)) continue;
      const inner = flatten(pair.value, file);
      entries.push(...inner.entries);
      titled += inner.titled;
    }
  }
  return { entries, titled };
}

function scalarOf(map: unknown, key: string): { value: unknown } | undefined {
  if (!isMap(map)) return undefined;
  const pair = map.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
  return pair && isScalar(pair.value) ? pair.value : undefined;
}
