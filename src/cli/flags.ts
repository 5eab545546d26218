/** Flags shared by several commands, defined once so that help and parsing agree everywhere. */
import type { FlagSpec } from './spec.js';

export const SOURCE: FlagSpec = {
  name: 'source',
  type: 'string',
  value: 'DIR',
  example: 'path/to/site',
  description: 'the Jekyll site to read',
  default: 'the working directory when it has a _config.yml, else ./content',
};

export const OUT: FlagSpec = {
  name: 'out',
  type: 'string',
  value: 'DIR',
  description: 'where the handbooks are written',
  default: 'dist',
};

export const DATE: FlagSpec = {
  name: 'date',
  type: 'string',
  value: 'YYYY-MM-DD',
  description: 'the date printed in the handbook',
  default: 'SOURCE_DATE_EPOCH, else today in UTC',
  example: '2026-11-01',
};

export const CHROME: FlagSpec = {
  name: 'chrome',
  type: 'string',
  value: 'PATH',
  example: '/usr/bin/chromium',
  description: 'the Chrome, Chromium or Edge that prints the PDF',
  default: 'CHROME_PATH, else a system Chrome/Chromium/Edge, else the embedded Chromium',
};

export const STRICT: FlagSpec = {
  name: 'strict',
  type: 'boolean',
  description: 'warnings and [GAP] notes fail too, not only errors',
  default: 'off',
};

export const NO_CACHE: FlagSpec = {
  name: 'no-cache',
  type: 'boolean',
  description: 'read everything from the sources, not from the build cache',
  default: 'off; HANDBOOK_CACHE=0 also turns the cache off',
};

export const EDITION: FlagSpec = {
  name: 'edition',
  type: 'string',
  value: 'ID',
  example: 'all',
  description: "an edition of handbook.yml's editions (or all: the main guide and every edition)",
  default: 'the main guide only',
};

/** Accepted by every command. */
export const COMMON: FlagSpec[] = [
  {
    name: 'quiet',
    type: 'boolean',
    short: 'q',
    description: 'print only errors (and the data on stdout)',
    default: 'off',
  },
  {
    name: 'verbose',
    type: 'boolean',
    description: 'a line per stage, the browser and the cache',
    default: 'off',
  },
  { name: 'help', type: 'boolean', short: 'h', description: 'show this help', default: 'off' },
];

/** Only before any command: `handbook --version`. */
export const TOP_LEVEL: FlagSpec[] = [
  {
    name: 'version',
    type: 'boolean',
    short: 'v',
    description: "print handbook-press's version",
    default: 'off',
  },
  ...COMMON,
];

export const LARGE_PRINT: FlagSpec = {
  name: 'large-print',
  type: 'boolean',
  description:
    'large print (RNIB clear and large print guidance): 16 pt body text or more, left aligned, 1.5 line spacing, bold for emphasis',
  default: 'off',
};

export const BODY_SIZE: FlagSpec = {
  name: 'body-size',
  type: 'string',
  value: 'PT',
  example: '18',
  description: 'the large print body text size in points, 16 to 24 (with --large-print)',
  default: '16',
};
