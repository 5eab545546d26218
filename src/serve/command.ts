/**
 * `handbook serve` on the command line: its flags, the first message, and Ctrl-C. Kept apart
 * from the CLI's command table, where the command is one entry.
 */
import { spawn } from 'node:child_process';
import { HandbookError } from '../errors.js';

/** After Ctrl-C, the longest wait for the browser to close before the process ends anyway. */
const EXIT_GRACE_MS = 10_000;

/**
 * Runs `handbook serve` with its flags already parsed by the CLI's command table
 * (src/cli/commands.ts), which also gives its help and its usage errors.
 */
export async function runServe(
  values: Record<string, string | boolean | undefined>,
): Promise<number> {
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new HandbookError('USAGE', `invalid port "${String(values.port)}"`, {
      hint: 'give a number from 1 to 65535, e.g. --port 4000',
    });
  }
  const { serve } = await import('./index.js');
  const handle = await serve({
    ...(typeof values.source === 'string' ? { source: values.source } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(typeof values.host === 'string' ? { host: values.host } : {}),
    ...(typeof values.chrome === 'string' ? { chrome: values.chrome } : {}),
    print: !values['no-print'],
  });
  const stop = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    // The print browser has its own handler for the same signal: it closes the browser,
    // removes its profile and then ends the process; this one stops the server.
    void handle.close({ browser: false });
    setTimeout(() => process.exit(0), EXIT_GRACE_MS).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (values.open) openInBrowser(handle.url);
  await handle.closed;
  return 0;
}

/** The desktop's own way of opening a URL; failing to is not an error. */
function openInBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // no desktop: the URL is printed anyway
  }
}
