/**
 * The command table: every command with its arguments, flags, help and what it runs. Help text,
 * parsing and suggestions come from here, so a new command or flag is one entry.
 */
import { runBuild, runCheck, runRelease, runVerify } from './actions.js';
import {
  BODY_SIZE,
  CHROME,
  DATE,
  EDITION,
  LARGE_PRINT,
  NO_CACHE,
  OUT,
  SOURCE,
  STRICT,
} from './flags.js';
import type { CommandSpec } from './spec.js';

export const COMMANDS: CommandSpec[] = [
  {
    name: 'build',
    summary: 'build the handbook as HTML, PDF, Word and EPUB',
    description:
      "Reads the guide and writes <out>/handbook.html, handbook.pdf, handbook.docx and handbook.epub (or the formats asked for). The EPUB lists the PDF's pages when both are built. A failed build writes nothing.",
    positionals: [],
    flags: [
      SOURCE,
      OUT,
      {
        name: 'format',
        type: 'string',
        value: 'LIST',
        example: 'html,pdf',
        description: 'comma-separated formats: html, pdf, docx, epub',
        default: 'html,pdf,docx,epub',
      },
      {
        name: 'version',
        type: 'string',
        value: 'V',
        example: '1.2.0',
        description: 'the version printed in the handbook',
        default: 'draft',
      },
      DATE,
      CHROME,
      NO_CACHE,
      LARGE_PRINT,
      BODY_SIZE,
      EDITION,
    ],
    examples: [
      'handbook build',
      'handbook build --edition all',
      'handbook build --format pdf --out out',
      'handbook build --format pdf,epub',
      'handbook build --large-print --body-size 18 --out dist/large-print',
      'handbook build --source path/to/site --version 2.1 --date 2026-11-01',
    ],
    run: runBuild,
  },
  {
    name: 'check',
    summary: 'list every problem in the sources with file and line',
    description:
      'Prints each finding as file:line: error|warning|note: message. Exits 1 on errors (with --strict also on warnings and [GAP] notes).',
    positionals: [],
    flags: [
      SOURCE,
      STRICT,
      { name: 'json', type: 'boolean', description: 'print the findings as JSON', default: 'off' },
      NO_CACHE,
      { ...EDITION, default: 'every edition (the main guide and each of handbook.yml)' },
    ],
    examples: [
      'handbook check',
      'handbook check --strict',
      'handbook check --json > findings.json',
    ],
    run: runCheck,
  },
  {
    name: 'release',
    summary: 'build a versioned release with a manifest and release notes',
    description:
      'Checks the sources, builds every format with the version and date, and writes <out>/releases/<version>/ with manifest.json (SHA-256 of each file) and CHANGES.md. A release is never overwritten.',
    positionals: [{ name: 'version', required: true, description: 'e.g. 1.2.0' }],
    flags: [
      DATE,
      {
        name: 'notes',
        type: 'string',
        value: 'FILE',
        description: 'Markdown release notes to include',
        default: 'none',
      },
      SOURCE,
      OUT,
      STRICT,
      {
        name: 'allow-source-errors',
        type: 'boolean',
        description:
          'release even when a source file has an error (e.g. invalid front matter YAML); the manifest records each one',
        default: 'off',
      },
      CHROME,
      EDITION,
    ],
    examples: [
      'handbook release 1.2.0',
      'handbook release 1.2.0 --edition all',
      'handbook release 1.2.0 --date 2026-11-01 --notes NOTES.md',
    ],
    run: runRelease,
  },
  {
    name: 'verify',
    summary: "re-check a release's files against its manifest",
    positionals: [
      { name: 'release-dir', required: true, description: 'a folder made by handbook release' },
    ],
    flags: [],
    examples: ['handbook verify dist/releases/1.2.0'],
    run: runVerify,
  },
  {
    name: 'serve',
    summary: 'a live preview of the handbook, its print pages and its findings',
    description:
      'Serves the HTML handbook exactly as build makes it (plus a live-reload script that only the server adds), a print preview of the PDF and every check finding, rebuilt as the sources change. Listens on loopback unless asked otherwise. Writes nothing.',
    positionals: [],
    flags: [
      SOURCE,
      {
        name: 'port',
        type: 'string',
        value: 'N',
        example: '4000',
        description: 'the port to listen on',
        default: '4000',
      },
      {
        name: 'host',
        type: 'string',
        value: 'HOST',
        example: '127.0.0.1',
        description: 'the address to listen on; any other than loopback is warned about',
        default: '127.0.0.1',
      },
      {
        name: 'open',
        type: 'boolean',
        description: "open the preview in the desktop's browser",
        default: 'off',
      },
      {
        name: 'no-print',
        type: 'boolean',
        description: 'no print preview (no browser is started)',
        default: 'off',
      },
      CHROME,
    ],
    examples: ['handbook serve', 'handbook serve --source path/to/site --port 4001 --open'],
    run: async ({ values }) => (await import('../serve/command.js')).runServe(values),
  },
  {
    name: 'help',
    summary: 'show the help of handbook or of one command',
    positionals: [{ name: 'command', required: false, description: 'a command name' }],
    flags: [],
    examples: ['handbook help', 'handbook help build'],
    // Answered by main() itself: it needs the table.
    run: () => Promise.resolve(0),
  },
];
