/**
 * `handbook serve`: a live preview for editors. Watches the sources, rebuilds what changed
 * (src/serve/pipeline.ts), serves the HTML handbook exactly as `build` renders it plus a
 * live-reload client, the findings of `check`, and a print preview refreshed in the
 * background. While the sources are broken the last good handbook stays on show, with the
 * problem as an overlay. Nothing is written to disk: no output, no build cache.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { HandbookError } from '../errors.js';
import type { RenderCache } from '../html/index.js';
import type { Handbook } from '../model.js';
import { defaultSource, resolveDate } from '../options.js';
import { locateFindings, type PanelFinding } from './findings.js';
import { chapterPatch, type ChapterPatch } from './patch.js';
import { Pipeline, type BuildProblem } from './pipeline.js';
import { IdleCollector } from './idle-gc.js';
import { PrintPreview, type PrintState } from './print.js';
import { isLoopback, PreviewServer } from './server.js';
import { SourceWatcher } from './watcher.js';

export { runServe } from './command.js';
export { IDLE_GC_MS } from './idle-gc.js';
export { isIgnored } from './watcher.js';

export const DEFAULT_PORT = 4000;
export const DEFAULT_HOST = '127.0.0.1';

export interface ServeOptions {
  source?: string;
  port?: number;
  host?: string;
  chrome?: string;
  /** `false`: no print preview (no browser is started). */
  print?: boolean;
  log?: (line: string) => void;
}

export interface ServeHandle {
  url: string;
  port: number;
  /**
   * Stops watching and serving. `browser: false` leaves the print browser to its own
   * SIGINT/SIGTERM handler (which closes it, removes its profile and ends the process).
   */
  close(opts?: { browser?: boolean }): Promise<void>;
  /** Resolves when the server has been closed. */
  closed: Promise<void>;
}

export interface ServeState {
  version: number;
  building: boolean;
  problems: BuildProblem[];
  findings: PanelFinding[];
  /** The findings are those of the last sources that could be read. */
  findingsStale: boolean;
  /** Chapter ids whose pages changed in the last rebuild. */
  changed: string[];
  /** The last update changed chapter sections only: the page may fetch them alone (/__serve/patch). */
  patch?: { from: number; to: number };
  pdf: PrintState;
}

/** The marker the server puts into the page; `build` never writes it. */
export const CLIENT_TAG = (version: number): string =>
  `<script src="/__serve/client.js" data-hb-serve data-version="${version}" defer></script>\n`;

export function injectClient(html: string, version: number): string {
  const at = html.indexOf('</head>');
  return at < 0
    ? `${CLIENT_TAG(version)}${html}`
    : `${html.slice(0, at)}${CLIENT_TAG(version)}${html.slice(at)}`;
}

const WAITING_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>handbook serve</title></head>
<body><main><h1>Waiting for a handbook that builds</h1>
<p>The sources could not be built yet; the problem is shown above. Save a fix and this page updates.</p></main></body></html>
`;

export async function serve(opts: ServeOptions = {}): Promise<ServeHandle> {
  const source = opts.source === undefined ? defaultSource() : resolve(opts.source);
  const info = await stat(source).catch(() => undefined);
  if (!info?.isDirectory()) {
    throw new HandbookError('SOURCE_NOT_FOUND', `source directory not found: ${source}`, {
      hint: 'pass the folder holding the Jekyll site (the one with _config.yml), e.g. --source content',
    });
  }
  const log = opts.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const host = opts.host ?? DEFAULT_HOST;
  const date = resolveDate(undefined);
  const pipeline = new Pipeline(source, { version: 'draft', date });
  // Chapter bodies rendered once while their tree is unchanged (the incremental transform
  // hands back the same body tree for a chapter whose inputs did not change).
  const cache: RenderCache = { bodies: new WeakMap(), ids: new WeakMap() };

  let version = 0;
  let html: Uint8Array = Buffer.from(injectClient(WAITING_PAGE, 0), 'utf8');
  let handbook: Handbook | undefined;
  // The last rendered document (without the client) and the patch that led to it.
  let lastDoc: string | undefined;
  let patch: (ChapterPatch & { from: number; to: number }) | undefined;
  const state: ServeState = {
    version: 0,
    building: true,
    problems: [],
    findings: [],
    findingsStale: false,
    changed: [],
    pdf: { state: opts.print === false ? 'off' : 'waiting', current: false },
  };
  // Once the edits and prints stop, their garbage is collected (src/gc.ts: no flag needed).
  const idle = new IdleCollector();
  const print =
    opts.print === false
      ? undefined
      : new PrintPreview({
          source,
          date,
          ...(opts.chrome ? { chrome: opts.chrome } : {}),
          onState: (s) => {
            state.pdf = s;
            if (s.state === 'ready' || s.state === 'failed') idle.schedule();
            server.broadcast(state);
          },
        });
  const server = new PreviewServer(
    {
      page: () => ({ html, version }),
      patch: () => patch,
      pdf: () => print?.pdf,
      state: () => state,
    },
    host,
  );
  const port = await server.listen(opts.port ?? DEFAULT_PORT);
  server.startHeartbeat();
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  if (!isLoopback(host)) {
    log(
      `handbook serve: warning: listening on ${host}, not only this machine: anyone who can reach it can read the handbook and its findings`,
    );
  }

  // One rebuild at a time; changes arriving meanwhile are merged into the next one.
  let pending: Set<string> | undefined = new Set();
  let everything = true;
  let running: Promise<void> | undefined;
  const rebuild = async (): Promise<void> => {
    while (pending) {
      const changed = everything ? undefined : pending;
      pending = undefined;
      everything = false;
      await rebuildOnce(changed);
    }
  };
  const rebuildOnce = async (changed: Set<string> | undefined): Promise<void> => {
    const started = performance.now();
    state.building = true;
    const outcome = await pipeline.rebuild(changed);
    const raws = new Map(pipeline.pages().map((p) => [p.path, p.raw]));
    if (outcome.ok) {
      try {
        const { renderHtml } = await import('../html/index.js');
        const t = performance.now();
        const doc = await renderHtml(outcome.handbook, {
          mode: 'screen',
          assetsRoot: source,
          cache,
        });
        pipeline.stageMs.html = Math.round(performance.now() - t);
        const one = lastDoc === undefined ? undefined : chapterPatch(lastDoc, doc.html);
        patch = one && { ...one, from: version, to: version + 1 };
        lastDoc = doc.html;
        version += 1;
        html = Buffer.from(injectClient(doc.html, version), 'utf8');
        handbook = outcome.handbook;
        state.problems = [];
        if (patch) state.patch = { from: patch.from, to: patch.to };
        else delete state.patch;
        state.changed =
          version === 1
            ? []
            : handbook.chapters
                .filter((c) => outcome.changedPages.includes(c.source))
                .map((c) => c.id);
        print?.request(handbook, version);
      } catch (e) {
        state.problems = [{ code: 'INTERNAL', message: `internal error: ${String(e)}` }];
      }
      state.findings = locateFindings(outcome.findings, handbook ?? outcome.handbook, raws);
      state.findingsStale = false;
    } else {
      state.problems = outcome.problems;
      if (outcome.findings) {
        state.findings = handbook
          ? locateFindings(outcome.findings, handbook, raws)
          : outcome.findings;
      }
      state.findingsStale = !outcome.findings;
    }
    state.version = version;
    state.building = false;
    server.broadcast(state);
    const ms = Math.round(performance.now() - started);
    const what = changed
      ? [...changed].slice(0, 3).join(', ') + (changed.size > 3 ? ' …' : '')
      : 'all';
    if (state.problems.length) {
      for (const p of state.problems)
        log(
          `handbook serve: ${p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ` : ''}error: ${p.message}${p.hint ? ` (${p.hint})` : ''}`,
        );
    } else {
      const stages = Object.entries(pipeline.stageMs).map(([k, v]) => `${k} ${v}`);
      log(`handbook serve: v${version} in ${ms} ms (${what}; ${stages.join(', ')} ms)`);
    }
  };
  const schedule = (paths?: Set<string>): void => {
    idle.cancel(); // not in the middle of the next rebuild
    if (paths) {
      pending ??= new Set();
      paths.forEach((p) => pending!.add(p));
    } else {
      pending ??= new Set();
      everything = true;
    }
    running ??= rebuild().finally(() => {
      running = undefined;
      idle.schedule();
    });
  };

  const watcher = new SourceWatcher(source, (paths) => schedule(paths));
  await watcher.start();
  schedule();
  await running;
  log(`handbook serve: ${url} (print preview: ${url}__serve/print); Ctrl-C to stop`);

  let resolveClosed: () => void = () => undefined;
  const closed = new Promise<void>((r) => (resolveClosed = r));
  let closing: Promise<void> | undefined;
  return {
    url,
    port,
    closed,
    close(o = {}) {
      closing ??= (async () => {
        watcher.close();
        idle.cancel();
        await server.close();
        if (print) await (o.browser === false ? print.stop() : print.close());
        resolveClosed();
      })();
      return closing;
    },
  };
}
