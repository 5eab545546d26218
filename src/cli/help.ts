/** Help text, generated from the command table. */
import { TOOL_VERSION } from '../version.js';
import { COMMON, TOP_LEVEL } from './flags.js';
import type { CommandSpec, FlagSpec } from './spec.js';

const WIDTH = 80;

function wrap(text: string, indent: number, width = WIDTH): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    if (line && indent + line.length + 1 + w.length > width) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

function flagLabel(f: FlagSpec): string {
  const long = `--${f.name}${f.type === 'string' ? ` ${f.value ?? 'VALUE'}` : ''}`;
  return f.short ? `-${f.short}, ${long}` : `    ${long}`;
}

function flagLines(flags: readonly FlagSpec[]): string[] {
  const pad = Math.max(...flags.map((f) => flagLabel(f).length)) + 2;
  return flags.map((f) => {
    const text = `${f.description}${f.default ? ` (default: ${f.default})` : ''}`;
    return `  ${flagLabel(f).padEnd(pad)}${wrap(text, pad + 2)}`;
  });
}

function usageLine(c: CommandSpec): string {
  const args = c.positionals.map((p) => (p.required ? `<${p.name}>` : `[${p.name}]`));
  return ['handbook', c.name, ...args, '[flags]'].join(' ');
}

export function commandHelp(c: CommandSpec): string {
  const out = [`Usage: ${usageLine(c)}`, '', wrap(c.description ?? `${c.summary}.`, 0)];
  if (c.positionals.length) {
    out.push('', 'Arguments:');
    const pad = Math.max(...c.positionals.map((p) => p.name.length)) + 4;
    for (const p of c.positionals)
      out.push(`  ${`<${p.name}>`.padEnd(pad)}${p.description}${p.required ? '' : ' (optional)'}`);
  }
  if (c.flags.length) out.push('', 'Flags:', ...flagLines(c.flags));
  out.push('', 'Common flags:', ...flagLines(COMMON));
  out.push(
    '',
    c.examples.length > 1 ? 'Examples:' : 'Example:',
    ...c.examples.map((e) => `  ${e}`),
  );
  return `${out.join('\n')}\n`;
}

export function generalHelp(commands: readonly CommandSpec[]): string {
  const pad = Math.max(...commands.map((c) => c.name.length)) + 3;
  return `${[
    `handbook ${TOOL_VERSION}: a Jekyll guide's sources → accessible HTML, PDF, Word and EPUB handbooks`,
    '',
    'Usage: handbook <command> [flags]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(pad)}${c.summary}`),
    '',
    'Flags:',
    ...flagLines(TOP_LEVEL),
    '',
    wrap(
      'With no --source, the source is the working directory when it is a Jekyll site (it has a _config.yml), otherwise ./content.',
      0,
    ),
    '',
    'Run `handbook <command> --help` (or `handbook help <command>`) for its flags and examples.',
  ].join('\n')}\n`;
}
