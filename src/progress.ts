/**
 * Progress per stage on stderr: one line a stage in a terminal, one summary line otherwise
 * (CI logs stay short). Timings are also kept for `npm run bench` and the release manifest.
 */
export interface StageTiming {
  stage: string;
  items: number;
  ms: number;
}

export interface ProgressSink {
  /** A stage begins (optional: a live display shows what is running). */
  start?(stage: string): void;
  stage(timing: StageTiming): void;
  done(summary: string): void;
}

export class Timings {
  readonly stages: StageTiming[] = [];
  constructor(private readonly sink?: ProgressSink) {}

  /** Runs `fn`, records how long it took and how many items it handled. */
  async time<T>(
    stage: string,
    fn: () => Promise<T> | T,
    items: (r: T) => number = () => 1,
  ): Promise<T> {
    const start = performance.now();
    this.sink?.start?.(stage);
    const result = await fn();
    this.record({ stage, items: items(result), ms: performance.now() - start });
    return result;
  }

  record(timing: StageTiming): void {
    this.stages.push(timing);
    this.sink?.stage(timing);
  }

  total(stage: string): number {
    return this.stages.filter((s) => s.stage === stage).reduce((a, s) => a + s.ms, 0);
  }
}

/** `markdown 16 items 525 ms`. */
export function formatStage(t: StageTiming): string {
  return `${t.stage} ${t.items} item${t.items === 1 ? '' : 's'} ${Math.round(t.ms)} ms`;
}

/**
 * The CLI's sink: per-stage lines on a TTY, a single summary line when not a terminal.
 * `HANDBOOK_TIMELINE=1` adds a line per stage with when it started and ended, in ms since the
 * process started (stages overlap: the browser starts while the sources are read, the DOCX
 * is rendered while Chromium prints).
 */
export function stderrProgress(
  stream: NodeJS.WriteStream = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): ProgressSink {
  const tty = Boolean(stream.isTTY);
  const timeline = env.HANDBOOK_TIMELINE === '1';
  const seen: StageTiming[] = [];
  return {
    stage(t) {
      seen.push(t);
      if (timeline) {
        const end = performance.now();
        stream.write(`  [${Math.round(end - t.ms)}–${Math.round(end)} ms] ${t.stage}\n`);
      }
      if (tty) stream.write(`  ${formatStage(t)}\n`);
    },
    done(summary) {
      if (tty) stream.write(`${summary}\n`);
      else stream.write(`${summary} [${seen.map(formatStage).join(', ')}]\n`);
    },
  };
}
