/**
 * The browser finder's order and errors, the session's lifecycle, the print page's sandbox
 * (no scripts, no requests outside the document), the print timeout, and the embedded
 * Chromium from @sparticuz/chromium printing a tagged PDF with no system browser.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { isHandbookError } from '../../src/errors.js';
import { BrowserSession, findBrowser, openSession, printHandbook } from '../../src/pdf/index.js';
import { PUPPETEER_ARGS } from '../../src/pdf/chromium-process.js';
import { pageNumbersOf } from '../../src/pdf/destinations.js';
import { PDF_OPTIONS, preparePrintPage } from '../../src/pdf/print-page.js';
import { fixtureHandbook } from './fixtures/handbook.js';
import { renderFixtureHtml } from './fixtures/render.js';
import { readWithPdfJs } from './inspect.js';

let dir: string;
const fake = (name: string, body = 'exit 1'): string => {
  const p = join(dir, name);
  writeFileSync(p, `#!/bin/sh\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
};

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'handbook-finder-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('findBrowser', () => {
  it('prefers --chrome over CHROME_PATH over the system', async () => {
    const flag = fake('flag-chrome');
    const env = fake('env-chrome');
    assert.deepEqual(await findBrowser({ chrome: flag, env: { CHROME_PATH: env } }), {
      path: flag,
      source: 'flag',
    });
    assert.deepEqual(await findBrowser({ env: { CHROME_PATH: env } }), {
      path: env,
      source: 'CHROME_PATH',
    });
  });

  it('finds a system browser on PATH when the usual places are empty', async () => {
    const bin = mkdtempSync(join(dir, 'bin-'));
    const chromium = join(bin, 'chromium');
    writeFileSync(chromium, '#!/bin/sh\n');
    chmodSync(chromium, 0o755);
    const found = await findBrowser({ env: { PATH: bin }, platform: 'darwin', skipEmbedded: true });
    assert.deepEqual(found, { path: chromium, source: 'system' });
  });

  it('reports BROWSER_NOT_FOUND with what to install or set', async () => {
    await assert.rejects(
      findBrowser({ env: { PATH: join(dir, 'nothing') }, platform: 'darwin', skipEmbedded: true }),
      (e: unknown) =>
        isHandbookError(e) &&
        e.code === 'BROWSER_NOT_FOUND' &&
        /apt-get install chromium/.test(e.hint ?? '') &&
        /CHROME_PATH/.test(e.hint ?? ''),
    );
    await assert.rejects(
      findBrowser({ chrome: join(dir, 'missing') }),
      /--chrome .*missing: no executable/,
    );
    await assert.rejects(
      findBrowser({ env: { CHROME_PATH: join(dir, 'missing') } }),
      /CHROME_PATH=/,
    );
  });

  it('a browser that does not start gives BROWSER_FAILED and leaves no signal handlers', async () => {
    const before = process.listenerCount('SIGINT');
    await assert.rejects(
      BrowserSession.launch({ path: fake('broken-chrome'), source: 'flag' }, { timeoutMs: 10_000 }),
      (e: unknown) =>
        isHandbookError(e) && e.code === 'BROWSER_FAILED' && /broken-chrome/.test(e.message),
    );
    assert.equal(process.listenerCount('SIGINT'), before);
  });
});

/** Live (not zombie) processes, from Linux /proc: pid, process group and command line. */
function liveProcesses(): { pid: number; pgid: number; cmd: string }[] {
  const out: { pid: number; pgid: number; cmd: string }[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (state === 'Z') continue;
      const cmd = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      out.push({ pid: Number(entry), pgid: Number(pgid), cmd });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Pids of live processes whose command line mentions `needle`. */
const processesMentioning = (needle: string): number[] =>
  liveProcesses()
    .filter((p) => p.cmd.includes(needle))
    .map((p) => p.pid);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('Chromium process', () => {
  it('is started with the arguments puppeteer.launch would give it (so prints match)', async () => {
    const { default: puppeteer } = await import('puppeteer-core');
    const theirs = puppeteer.defaultArgs({ headless: true }).filter((a) => a !== 'about:blank');
    assert.deepEqual(PUPPETEER_ARGS, theirs);
  });

  it(
    'runs one renderer, the print page’s: no omnibox pages, no spare renderer',
    {
      skip: process.platform !== 'linux',
    },
    async () => {
      const session = await openSession({ skipEmbedded: true });
      try {
        const renderers = await session.withPage(async (page) => {
          await page.setContent('<p>one page</p>');
          return liveProcesses()
            .filter((p) => p.pgid === session.pid && p.cmd.includes('--type=renderer'))
            .map((p) => p.cmd);
        });
        assert.equal(renderers.length, 1, renderers.join('\n'));
      } finally {
        await session.close();
      }
    },
  );

  it('a browser that exits at start is BROWSER_FAILED with what it said', async () => {
    const broken = fake('broken-chrome', 'echo "cannot open display" >&2; exit 3');
    await assert.rejects(
      BrowserSession.launch({ path: broken, source: 'flag' }),
      (e: unknown) =>
        isHandbookError(e) && e.code === 'BROWSER_FAILED' && /cannot open display/.test(e.message),
    );
  });
});

describe('browser session and signals', { skip: process.platform !== 'linux' }, () => {
  it('a SIGTERM while Chromium is still launching leaves no browser and no profile behind', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'handbook-signal-'));
    const script = fileURLToPath(new URL('./fixtures/launch-child.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((r) =>
      child.once('exit', (_, sig) => r(sig)),
    );
    try {
      while (!out.includes('launching')) await sleep(10);
      // Wait for Chromium itself (its profile lives under our TMPDIR), then signal at once:
      // it has been spawned but has not answered on its DevTools pipe yet.
      const started = Date.now();
      while (processesMentioning(tmp).length === 0 && Date.now() - started < 20_000) await sleep(5);
      assert.ok(processesMentioning(tmp).length > 0, 'Chromium was spawned');
      child.kill('SIGTERM');
      assert.equal(await exited, 'SIGTERM', 'the child ends by the signal it was sent');
      assert.doesNotMatch(out, /launched/, 'the signal arrived during the launch');
      let left = processesMentioning(tmp);
      for (let i = 0; i < 50 && left.length > 0; i++) {
        await sleep(100);
        left = processesMentioning(tmp);
      }
      assert.deepEqual(left, [], 'no Chromium process left behind');
      assert.deepEqual(
        readdirSync(tmp).filter((f) => f.startsWith('handbook-chrome-')),
        [],
        'no temp profile left behind',
      );
    } finally {
      child.kill('SIGKILL');
      for (const pid of processesMentioning(tmp)) process.kill(pid, 'SIGKILL');
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('print page', () => {
  let session: BrowserSession;
  let server: Server;
  let hits = 0;
  before(async () => {
    session = await openSession({ skipEmbedded: true });
    server = createServer((_, res) => {
      hits++;
      res.end('');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  after(async () => {
    await session?.close();
    server?.close();
  });

  it('registers SIGINT/SIGTERM handlers only while open', async () => {
    const s = await openSession({ skipEmbedded: true });
    const open = process.listenerCount('SIGTERM');
    await s.close();
    assert.equal(process.listenerCount('SIGTERM'), open - 1);
    await assert.rejects(
      s.withPage(async () => 1),
      (e: unknown) => isHandbookError(e) && e.code === 'BROWSER_FAILED',
    );
  });

  it('runs no page scripts and sends no request outside the document', async () => {
    const addr = server.address();
    const url = typeof addr === 'object' && addr ? `http://127.0.0.1:${addr.port}` : '';
    const html =
      `<!doctype html><html lang="en"><head><link rel="stylesheet" href="${url}/style.css"></head><body>` +
      `<h1 id="t">Sandbox</h1><img src="${url}/x.png" alt="remote"><p>static text</p>` +
      `<script>document.write('<p>SCRIPT RAN</p>')</script></body></html>`;
    const printed = await printHandbook(fixtureHandbook(), session, { render: () => ({ html }) });
    const text = (await readWithPdfJs(printed.bytes)).flatMap((p) => p.lines).join('\n');
    assert.match(text, /static text/);
    assert.doesNotMatch(text, /SCRIPT RAN/);
    assert.equal(hits, 0);
  });

  it('finds the page of a heading whose id is not ASCII', async () => {
    const bytes = await session.withPage(async (page) => {
      await preparePrintPage(page);
      await page.setContent(
        '<!doctype html><html lang="en"><body><a href="#café-plan">Café plan</a>' +
          '<h1 id="café-plan" style="break-before: page">Café plan</h1></body></html>',
      );
      return page.pdf({ ...PDF_OPTIONS });
    });
    assert.deepEqual((await pageNumbersOf(bytes)).pageOf, { 'café-plan': 2 });
  });

  it('a print that takes too long gives PRINT_TIMEOUT', async () => {
    const hb = fixtureHandbook();
    await assert.rejects(
      printHandbook(hb, session, { timeoutMs: 1, render: (h, pn) => renderFixtureHtml(h, pn) }),
      (e: unknown) => isHandbookError(e) && e.code === 'PRINT_TIMEOUT',
    );
    // The session survives a timed-out print.
    const ok = await printHandbook(hb, session, { render: (h, pn) => renderFixtureHtml(h, pn) });
    assert.ok(ok.pageCount > 3);
  });

  it('numbers the contents in at most two passes with equal-width placeholders', async () => {
    const passes: number[] = [];
    const hb = fixtureHandbook();
    const printed = await printHandbook(hb, session, {
      render: (h, pn) => renderFixtureHtml(h, pn),
      onPass: (p) => passes.push(p),
    });
    assert.deepEqual(passes, [1, 2]);
    assert.equal(printed.pageOf['kick-off'], printed.pageOf['kick-off-meeting']);
    assert.ok(printed.pageOf['clinical-risk']! > printed.pageOf['rollback']!);
  });
});

describe('embedded browser (@sparticuz/chromium)', () => {
  it('is found with no CHROME_PATH and no system browser, launches and prints a tagged PDF', async () => {
    const found = await findBrowser({ env: {}, skipSystem: true });
    assert.equal(found.source, 'embedded');
    const session = await BrowserSession.launch(found);
    try {
      assert.match(await session.version(), /Chrome\/\d+/);
      const printed = await printHandbook(fixtureHandbook(), session, {
        render: (h, pn) => renderFixtureHtml(h, pn),
      });
      const doc = await PDFDocument.load(printed.bytes, { updateMetadata: false });
      assert.ok(doc.catalog.lookup(PDFName.of('StructTreeRoot')) instanceof PDFDict);
      assert.ok(printed.pageOf['information-governance']! > 1);
    } finally {
      await session.close();
    }
  });
});
