/**
 * Where the CLI's words go and how they look: stdout for data and help, stderr for progress
 * and messages. Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
 */
export type Verbosity = 'quiet' | 'normal' | 'verbose';

export interface Output {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  verbosity: Verbosity;
}

export function defaultOutput(env: NodeJS.ProcessEnv = process.env): Output {
  return { stdout: process.stdout, stderr: process.stderr, env, verbosity: 'normal' };
}

/** Whether to colour what goes to `stream`: a terminal, NO_COLOR unset or empty, TERM not dumb. */
export function useColour(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '') return env.FORCE_COLOR !== '0';
  return Boolean(stream.isTTY) && env.TERM !== 'dumb';
}

const CODES = { red: 31, yellow: 33, green: 32, dim: 2, bold: 1, cyan: 36 } as const;
export type Colour = keyof typeof CODES;

export type Paint = (colour: Colour, text: string) => string;

export function painter(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): Paint {
  return useColour(stream, env)
    ? (colour, text) => `\u001b[${CODES[colour]}m${text}\u001b[0m`
    : (_colour, text) => text;
}

/** `file:line: error: …` lines with the severity coloured. */
export function paintFinding(line: string, paint: Paint): string {
  return line.replace(/: (error|warning|note):/, (_m, sev: string) => {
    const colour: Colour = sev === 'error' ? 'red' : sev === 'warning' ? 'yellow' : 'cyan';
    return `: ${paint(colour, sev)}:`;
  });
}
