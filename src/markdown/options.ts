/**
 * kramdown's options as Jekyll runs it: Jekyll's defaults (configuration.rb) merged with the
 * site's `_config.yml` `kramdown:` map. Only the options that change what a reader sees are
 * kept; syntax highlighting is always off (code is rendered plain).
 */

export interface KramdownOptions {
  /** Headings without an explicit id get one from their text (GFM's rule). */
  autoIds: boolean;
  autoIdPrefix: string;
  /** The four quote characters: left single, right single, left double, right double. */
  smartQuotes: [string, string, string, string];
  /** GFM with hard_wrap: every line break in a paragraph is a `<br>`. */
  hardWrap: boolean;
  /** The number of the first footnote. */
  footnoteNr: number;
  /** `parse_block_html`: Markdown inside HTML blocks is read as Markdown. */
  parseBlockHtml: boolean;
  /** `gfm_quirks` includes `no_auto_typographic`: `--`, `...`, `<<` stay as typed. */
  typographicSymbols: boolean;
}

export const JEKYLL_KRAMDOWN_DEFAULTS: KramdownOptions = {
  autoIds: true,
  autoIdPrefix: '',
  smartQuotes: ['\u2018', '\u2019', '\u201c', '\u201d'],
  hardWrap: false,
  footnoteNr: 1,
  parseBlockHtml: false,
  typographicSymbols: true,
};

// The entities kramdown users name in `smart_quotes` (any `#123` / `#x7b` works too).
const ENTITIES: Record<string, string> = {
  lsquo: '\u2018',
  rsquo: '\u2019',
  ldquo: '\u201c',
  rdquo: '\u201d',
  sbquo: '\u201a',
  bdquo: '\u201e',
  lsaquo: '\u2039',
  rsaquo: '\u203a',
  laquo: '\u00ab',
  raquo: '\u00bb',
  apos: "'",
  quot: '"',
  prime: '\u2032',
  Prime: '\u2033',
};

export function entityChar(name: string): string | undefined {
  const n = name.trim();
  const num = /^#(x[0-9a-f]+|\d+)$/i.exec(n)?.[1];
  if (num) {
    const code = num[0] === 'x' || num[0] === 'X' ? parseInt(num.slice(1), 16) : Number(num);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  }
  return ENTITIES[n];
}

/** The options for a site, from its parsed `_config.yml`. */
export function kramdownOptions(site: Record<string, unknown> | undefined): KramdownOptions {
  const raw = site?.kramdown;
  const k = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const d = JEKYLL_KRAMDOWN_DEFAULTS;
  const quirks = Array.isArray(k.gfm_quirks)
    ? k.gfm_quirks.map(String)
    : typeof k.gfm_quirks === 'string'
      ? k.gfm_quirks.split(',').map((s) => s.trim())
      : [];
  return {
    autoIds: bool(k.auto_ids, d.autoIds),
    autoIdPrefix: typeof k.auto_id_prefix === 'string' ? k.auto_id_prefix : d.autoIdPrefix,
    smartQuotes: quotes(k.smart_quotes) ?? d.smartQuotes,
    hardWrap: bool(k.hard_wrap, d.hardWrap),
    footnoteNr: Number.isInteger(k.footnote_nr) ? (k.footnote_nr as number) : d.footnoteNr,
    parseBlockHtml: bool(k.parse_block_html, d.parseBlockHtml),
    typographicSymbols: !quirks.includes('no_auto_typographic'),
  };
}

function bool(value: unknown, fallback: boolean): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return fallback;
}

/** `smart_quotes` as a list or a comma-separated string of four entity names. */
function quotes(value: unknown): KramdownOptions['smartQuotes'] | undefined {
  const names = Array.isArray(value)
    ? value.map(String)
    : typeof value === 'string'
      ? value.split(',')
      : undefined;
  if (names?.length !== 4) return undefined;
  const chars = names.map(entityChar);
  if (chars.some((c) => c === undefined)) return undefined;
  return chars as KramdownOptions['smartQuotes'];
}
