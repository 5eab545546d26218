/**
 * Command-line parsing against the command table. Written out rather than Node's parseArgs so
 * that every usage error names the flag in our words, with a suggestion, and never shows a
 * parser's own message.
 */
import { HandbookError } from '../errors.js';
import type { CommandSpec, FlagSpec, Values } from './spec.js';
import { closest } from './suggest.js';

const HELP = (command?: string): string => `\`handbook ${command ? `${command} ` : ''}--help\``;
const HELP_HINT = (command?: string): string => `run ${HELP(command)}`;

export function usageError(message: string, hint: string): HandbookError {
  return new HandbookError('USAGE', message, { hint });
}

function dashed(flag: FlagSpec): string {
  return `--${flag.name}`;
}

function unknownFlag(
  given: string,
  flags: readonly FlagSpec[],
  where: string,
  others: readonly CommandSpec[],
  command?: string,
): HandbookError {
  const names = flags.flatMap((f) => [dashed(f), ...(f.short ? [`-${f.short}`] : [])]);
  const bare = given.split('=')[0]!;
  const near = closest(bare, names);
  const owner = others.find((c) => c.flags.some((f) => dashed(f) === bare));
  const hint = near
    ? `did you mean ${near}? (${HELP(command)} lists every flag)`
    : owner
      ? `${bare} is a flag of \`handbook ${owner.name}\`; ${HELP(command)} lists the flags of ${where}`
      : `${HELP(command)} lists every flag of ${where}`;
  return usageError(`unknown flag ${bare} for ${where}`, hint);
}

export interface Parsed {
  positionals: string[];
  values: Values;
}

/**
 * Parses `args` against `flags`: `--name value`, `--name=value`, `-x value`, booleans without a
 * value, `--` ending the flags. Unknown flags, missing values and values given to booleans are
 * usage errors.
 */
export function parseFlags(
  args: readonly string[],
  flags: readonly FlagSpec[],
  where: string,
  others: readonly CommandSpec[] = [],
  command?: string,
): Parsed {
  const values: Values = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const long = arg.startsWith('--');
    const eq = long ? arg.indexOf('=') : -1;
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const flag = long
      ? flags.find((f) => dashed(f) === name)
      : flags.find((f) => f.short !== undefined && `-${f.short}` === name);
    if (!flag) throw unknownFlag(arg, flags, where, others, command);
    const shown = dashed(flag);
    if (flag.type === 'boolean') {
      if (eq !== -1)
        throw usageError(`${shown} takes no value`, `write ${shown} alone; ${HELP_HINT(command)}`);
      values[flag.name] = true;
      continue;
    }
    let value = eq === -1 ? args[i + 1] : arg.slice(eq + 1);
    if (eq === -1) {
      if (value === undefined || (value.startsWith('--') && value.length > 2)) value = undefined;
      else i++;
    }
    if (value === undefined || value === '')
      throw usageError(
        `${shown} needs a value`,
        `e.g. ${shown} ${flag.example ?? flag.value ?? 'VALUE'}; ${HELP(command)} explains it`,
      );
    if (values[flag.name] !== undefined)
      throw usageError(`${shown} given twice`, `give ${shown} once`);
    values[flag.name] = value;
  }
  return { positionals, values };
}

/** Refuses missing and extra positional arguments, in the command's words. */
export function checkPositionals(command: CommandSpec, positionals: readonly string[]): void {
  const want = command.positionals;
  const missing = want.find((p, i) => p.required && positionals[i] === undefined);
  if (missing)
    throw usageError(
      `${command.name} needs <${missing.name}> (${missing.description})`,
      `e.g. ${command.examples[0] ?? `handbook ${command.name}`}`,
    );
  if (positionals.length > want.length) {
    const extra = positionals.slice(want.length);
    const takes =
      want.length === 0
        ? 'takes no arguments'
        : `takes ${want.map((p) => `<${p.name}>`).join(' ')} only`;
    throw usageError(
      `${command.name} ${takes}: unexpected ${extra.map((a) => `"${a}"`).join(' ')}`,
      extra[0]!.includes('/') || extra[0]!.includes('\\')
        ? `to build another folder, use --source ${extra[0]}; ${HELP_HINT(command.name)}`
        : HELP_HINT(command.name),
    );
  }
}

/** The command named `word`, or a usage error with the nearest command name. */
export function findCommand(word: string, commands: readonly CommandSpec[]): CommandSpec {
  const found = commands.find((c) => c.name === word);
  if (found) return found;
  const near = closest(
    word,
    commands.map((c) => c.name),
  );
  throw usageError(
    `unknown command "${word}"`,
    near
      ? `did you mean \`handbook ${near}\`? (\`handbook --help\` lists every command)`
      : `\`handbook --help\` lists every command: ${commands.map((c) => c.name).join(', ')}`,
  );
}
