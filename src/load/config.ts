/**
 * `handbook.yml` and the release history: validated with the zod schemas; an invalid value is
 * a CONFIG error naming the key path and the line of that key in the file.
 */
import type { ZodError, ZodIssue } from 'zod';
import {
  handbookConfigSchema,
  releasesFileSchema,
  type HandbookConfig,
  type ReleaseEntry,
} from '../config/schema.js';
import { HandbookError } from '../errors.js';
import { lineOfPath, parseYaml, type YamlFile } from './yaml-file.js';

export const CONFIG_FILE = 'handbook.yml';

export interface LoadedConfig {
  config: HandbookConfig;
  /** Line of a key path in handbook.yml (undefined when there is no file). */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** Whether the file set `releases` explicitly (then the file must exist). */
  releasesExplicit: boolean;
}

export function parseHandbookConfig(text: string | undefined): LoadedConfig {
  if (text === undefined) {
    return {
      config: handbookConfigSchema.parse({}),
      lineOf: () => undefined,
      releasesExplicit: false,
    };
  }
  const yaml = parseYaml(text, CONFIG_FILE, 'CONFIG');
  const value = yaml.value ?? {};
  const result = handbookConfigSchema.safeParse(value);
  if (!result.success) throw zodToError(result.error, yaml, CONFIG_FILE, topLevelKeysHint());
  const explicit = typeof value === 'object' && value !== null && 'releases' in value;
  return { config: result.data, lineOf: (p) => lineOfPath(yaml, p), releasesExplicit: explicit };
}

export function parseReleases(text: string, file: string): ReleaseEntry[] {
  const yaml = parseYaml(text, file, 'CONFIG');
  const result = releasesFileSchema.safeParse(yaml.value ?? []);
  if (!result.success) {
    throw zodToError(
      result.error,
      yaml,
      file,
      'each release is a list item with version, date (YYYY-MM-DD) and summary',
    );
  }
  // The document control page lists releases oldest first, whatever order the file uses.
  return [...result.data].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function formatKeyPath(path: readonly (string | number)[]): string {
  return path.reduce<string>(
    (s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k),
    '',
  );
}

function zodToError(error: ZodError, yaml: YamlFile, file: string, hint: string): HandbookError {
  const issues = error.issues.map((issue) => locate(issue, yaml));
  const first = issues[0];
  const message = issues.map((i) => `${i.keyPath ? `${i.keyPath}: ` : ''}${i.message}`).join('; ');
  return new HandbookError('CONFIG', `${file}: ${message}`, { file, line: first?.line, hint });
}

function locate(
  issue: ZodIssue,
  yaml: YamlFile,
): { keyPath: string; message: string; line: number | undefined } {
  // An unknown key is reported at the key itself, not at the object that holds it.
  const path =
    issue.code === 'unrecognized_keys' && issue.keys[0]
      ? [...issue.path, issue.keys[0]]
      : issue.path;
  return { keyPath: formatKeyPath(path), message: issue.message, line: lineOfPath(yaml, path) };
}

function topLevelKeysHint(): string {
  const inner = (
    handbookConfigSchema as unknown as { _def: { schema?: { shape?: Record<string, unknown> } } }
  )._def.schema;
  const keys = inner?.shape ? Object.keys(inner.shape) : [];
  return keys.length ? `valid keys: ${keys.join(', ')}` : 'see the handbook.yml reference';
}
