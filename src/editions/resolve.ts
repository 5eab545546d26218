/**
 * Which editions a guide has, and one edition's settings checked: the id exists (else a usage
 * error listing the ids), the brand colour passes WCAG AA, the logo is an image of the source.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { HandbookError } from '../errors.js';
import { CONFIG_FILE, parseHandbookConfig, type LoadedConfig } from '../load/config.js';
import { readOptional } from '../load/files.js';
import { AA_CONTRAST, contrastRatio, formatRatio } from './contrast.js';
import type { EditionConfig } from './schema.js';

/** The main guide, built when no `--edition` is given. */
export const DEFAULT_EDITION = 'default';

export interface ResolvedEdition {
  config: EditionConfig;
  /** Its index in `editions:` (for key paths in messages). */
  index: number;
  loaded: LoadedConfig;
  colour?: { brand: string; text: string };
}

export async function loadEditionsConfig(root: string): Promise<LoadedConfig> {
  return parseHandbookConfig(await readOptional(path.resolve(root), CONFIG_FILE));
}

/** The ids of the guide's editions, in handbook.yml's order. */
export async function editionIds(root: string): Promise<string[]> {
  return ((await loadEditionsConfig(root)).config.editions ?? []).map((e) => e.id);
}

/**
 * `--edition ID|all` → the ids to build: `all` is the main guide and every edition; an unknown
 * id is a usage error naming the known ones.
 */
export async function selectEditions(root: string, wanted: string): Promise<string[]> {
  const ids = await editionIds(root);
  if (wanted === 'all') return [DEFAULT_EDITION, ...ids];
  if (wanted === DEFAULT_EDITION || ids.includes(wanted)) return [wanted];
  throw new HandbookError('USAGE', `unknown edition "${wanted}"`, {
    hint: ids.length
      ? `the editions in ${CONFIG_FILE} are: ${[DEFAULT_EDITION, ...ids].join(', ')} (or all)`
      : `${CONFIG_FILE} defines no editions; add an editions: list`,
  });
}

export async function resolveEdition(root: string, id: string): Promise<ResolvedEdition> {
  const loaded = await loadEditionsConfig(root);
  const list = loaded.config.editions ?? [];
  const index = list.findIndex((e) => e.id === id);
  const config = list[index];
  if (!config) {
    await selectEditions(root, id); // throws the usage error
    throw new Error(`edition ${id} vanished`);
  }
  const edition: ResolvedEdition = { config, index, loaded };
  const colour = checkColour(edition);
  if (colour) edition.colour = colour;
  checkLogo(root, edition);
  return edition;
}

function configError(
  edition: ResolvedEdition,
  key: (string | number)[],
  message: string,
  hint: string,
): HandbookError {
  const at = ['editions', edition.index, ...key];
  const keyPath = `editions[${edition.index}].${key.join('.')}`;
  return new HandbookError('CONFIG', `${CONFIG_FILE}: ${keyPath}: ${message}`, {
    file: CONFIG_FILE,
    line: edition.loaded.lineOf(at),
    hint,
  });
}

function checkColour(edition: ResolvedEdition): { brand: string; text: string } | undefined {
  const raw = edition.config.colour;
  if (raw === undefined) return undefined;
  const colour =
    typeof raw === 'string'
      ? { brand: raw.toLowerCase(), text: '#ffffff' }
      : { brand: raw.brand.toLowerCase(), text: raw.text.toLowerCase() };
  const key = typeof raw === 'string' ? ['colour'] : ['colour', 'brand'];
  const onWhite = contrastRatio(colour.brand, '#ffffff');
  if (onWhite < AA_CONTRAST) {
    throw configError(
      edition,
      key,
      `${colour.brand} on white has a contrast of ${formatRatio(onWhite)}, below WCAG AA's ${AA_CONTRAST}:1 (headings and links are set in it)`,
      'choose a darker shade of the brand colour',
    );
  }
  // Links in insets stand on the grey panel (styles/base.css --hb-grey-bg).
  const onGrey = contrastRatio(colour.brand, GREY_PANEL);
  if (onGrey < AA_CONTRAST) {
    throw configError(
      edition,
      key,
      `${colour.brand} on the grey panel (${GREY_PANEL}) has a contrast of ${formatRatio(onGrey)}, below WCAG AA's ${AA_CONTRAST}:1 (links in insets are set in it)`,
      'choose a darker shade of the brand colour',
    );
  }
  const textOn = contrastRatio(colour.text, colour.brand);
  if (textOn < AA_CONTRAST) {
    throw configError(
      edition,
      typeof raw === 'string' ? key : ['colour', 'text'],
      `text ${colour.text} on ${colour.brand} has a contrast of ${formatRatio(textOn)}, below WCAG AA's ${AA_CONTRAST}:1 (the cover band and card headings)`,
      'choose a text colour (colour.text) that stands out from the brand colour',
    );
  }
  return colour;
}

/** The inset panel's background (styles/base.css). */
const GREY_PANEL = '#f0f4f5';

const IMAGE = /\.(png|jpe?g|gif|svg)$/i;

function checkLogo(root: string, edition: ResolvedEdition): void {
  const logo = edition.config.organisation?.logo;
  if (logo === undefined) return;
  const base = path.resolve(root);
  const full = path.resolve(base, `.${logo.startsWith('/') ? logo : `/${logo}`}`);
  const inside = full.startsWith(base + path.sep);
  const ok = inside && IMAGE.test(logo) && existsSync(full) && statSync(full).isFile();
  if (!ok) {
    throw configError(
      edition,
      ['organisation', 'logo'],
      `${logo} is no image (PNG, JPEG, GIF or SVG) of the source tree`,
      'give the site path of the logo, e.g. /assets/images/icb-logo.png',
    );
  }
}
