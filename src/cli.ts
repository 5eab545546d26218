/**
 * The `handbook` command: finds the command in the table (src/cli/commands.ts), parses its
 * flags, runs it and maps errors to exit codes. Help and `--version` go to stdout; progress,
 * findings of a build and messages to stderr; stdout otherwise carries data (`check --json`,
 * the files written).
 */
import { HandbookError, isHandbookError } from './errors.js';
import { EXIT } from './cli/actions.js';
import { COMMANDS } from './cli/commands.js';
import { COMMON, TOP_LEVEL } from './cli/flags.js';
import { commandHelp, generalHelp } from './cli/help.js';
import { defaultOutput, painter, type Output } from './cli/output.js';
import { checkPositionals, findCommand, parseFlags } from './cli/parse.js';
import type { Values } from './cli/spec.js';
import { TOOL_VERSION } from './version.js';

export { EXIT };

function verbosity(values: Values): Output['verbosity'] {
  if (values.quiet && values.verbose)
    throw new HandbookError('USAGE', '--quiet and --verbose cannot be used together', {
      hint: 'give one of them',
    });
  return values.quiet ? 'quiet' : values.verbose ? 'verbose' : 'normal';
}

async function dispatch(argv: string[], base: Output): Promise<number> {
  // Flags before the command word are the top-level ones (`handbook --verbose build` works too).
  const at = argv.findIndex((a) => !a.startsWith('-') || a === '-');
  const head = at === -1 ? argv : argv.slice(0, at);
  const top = parseFlags(head, TOP_LEVEL, 'handbook', COMMANDS).values;
  if (top.help && at === -1) return writeOut(base, generalHelp(COMMANDS));
  if (top.version) return writeOut(base, `${TOOL_VERSION}\n`);
  if (at === -1)
    throw new HandbookError('USAGE', 'no command given', {
      hint: `try \`handbook build\`; commands: ${COMMANDS.map((c) => c.name).join(', ')}; \`handbook --help\` explains them`,
    });
  const command = findCommand(argv[at]!, COMMANDS);
  const others = COMMANDS.filter((c) => c !== command);
  const { positionals, values } = parseFlags(
    argv.slice(at + 1),
    [...command.flags, ...COMMON],
    `handbook ${command.name}`,
    others,
    command.name,
  );
  if (values.help || top.help) return writeOut(base, commandHelp(command));
  if (command.name === 'help') {
    checkPositionals(command, positionals);
    const topic = positionals[0];
    return writeOut(
      base,
      topic ? commandHelp(findCommand(topic, COMMANDS)) : generalHelp(COMMANDS),
    );
  }
  checkPositionals(command, positionals);
  const out = { ...base, verbosity: verbosity({ ...top, ...values }) };
  return command.run({ command, positionals, values, out });
}

function writeOut(out: Output, text: string): number {
  out.stdout.write(text);
  return EXIT.ok;
}

export async function main(argv: string[], out: Output = defaultOutput()): Promise<number> {
  try {
    return await dispatch(argv, out);
  } catch (e) {
    const paint = painter(out.stderr, out.env);
    if (isHandbookError(e)) {
      const text = e
        .format()
        .replace(/^([^\n]*?)error:/, (_m, where: string) => `${where}${paint('red', 'error')}:`);
      out.stderr.write(`handbook: ${text}\n`);
      return e.code === 'USAGE' ? EXIT.usage : EXIT.failed;
    }
    out.stderr.write(
      `handbook: internal error (please report it):\n${(e as Error)?.stack ?? String(e)}\n`,
    );
    return EXIT.bug;
  }
}
