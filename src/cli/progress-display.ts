/**
 * What the CLI shows while it works, on stderr. On a terminal: a status line redrawn in place
 * (the stages running, how many are done, the time so far) above which each finished stage is
 * listed. Elsewhere (CI logs, pipes): plain lines, never a control character; by default a
 * single summary line with every stage, with --verbose one line per stage as it ends.
 */
import { formatStage, stderrProgress, type ProgressSink, type StageTiming } from '../progress.js';
import { painter, type Output } from './output.js';

export interface CliProgress extends ProgressSink {
  /** Stops the status line (after a failure too): the terminal is left clean. */
  stop(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const REDRAW_MS = 100;

export function cliProgress(out: Output): CliProgress {
  if (out.verbosity === 'quiet') return { stage() {}, done() {}, stop() {} };
  const stream = out.stderr;
  if (!stream.isTTY) {
    if (out.verbosity !== 'verbose')
      return { ...stderrProgress(stream as never, out.env), stop() {} };
    return {
      stage: (t) => stream.write(`  ${formatStage(t)}\n`),
      done: (summary) => stream.write(`${summary}\n`),
      stop() {},
    };
  }
  return live(out);
}

function live(out: Output): CliProgress {
  const stream = out.stderr;
  const paint = painter(stream, out.env);
  const started = performance.now();
  const running = new Map<string, number>();
  const finished: StageTiming[] = [];
  let frame = 0;
  let timer: NodeJS.Timeout | undefined;
  const clear = (): void => void stream.write('\r\u001b[2K');
  const draw = (): void => {
    const now = ((performance.now() - started) / 1000).toFixed(1);
    const what = running.size ? [...running.keys()].join(', ') : 'working';
    const done = `${finished.length} stage${finished.length === 1 ? '' : 's'} done`;
    clear();
    stream.write(
      `${paint('cyan', FRAMES[frame++ % FRAMES.length]!)} ${what}… ${paint('dim', `${done} · ${now} s`)}`,
    );
  };
  const stop = (): void => {
    if (!timer) return;
    clearInterval(timer);
    timer = undefined;
    clear();
  };
  return {
    start(stage) {
      running.set(stage, performance.now());
      timer ??= setInterval(draw, REDRAW_MS).unref();
      draw();
    },
    stage(t) {
      running.delete(t.stage);
      finished.push(t);
      clear();
      stream.write(`  ${paint('green', '✓')} ${formatStage(t)}\n`);
      if (timer) draw();
    },
    done(summary) {
      stop();
      stream.write(`${summary}\n`);
    },
    stop,
  };
}
