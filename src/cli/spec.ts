/**
 * The shape of the command table (commands.ts). Help, parsing and suggestions are all derived
 * from it: adding a command or a flag is one entry there.
 */
import type { Output } from './output.js';

export interface FlagSpec {
  /** Long name without the dashes: `source` is `--source`. */
  name: string;
  type: 'string' | 'boolean';
  /** One-letter alias: `h` is `-h`. */
  short?: string;
  /** Placeholder shown in help for a string flag: `DIR`. */
  value?: string;
  description: string;
  /** A value for a usage error's hint, when the placeholder alone says little: `html,pdf`. */
  example?: string;
  /** What applies when the flag is absent, as shown in help (booleans: "off"). */
  default?: string;
}

export interface PositionalSpec {
  name: string;
  required: boolean;
  description: string;
}

export type Values = Record<string, string | boolean | undefined>;

export interface Invocation {
  command: CommandSpec;
  positionals: string[];
  values: Values;
  out: Output;
}

export interface CommandSpec {
  name: string;
  /** One line, for the command list. */
  summary: string;
  /** A paragraph for the command's own help. */
  description?: string;
  positionals: PositionalSpec[];
  flags: FlagSpec[];
  examples: string[];
  run(inv: Invocation): Promise<number>;
}
