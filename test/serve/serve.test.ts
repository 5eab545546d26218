/**
 * `handbook serve` in a real browser: the CLI runs as a child process on a temp copy of a
 * fixture; Chromium loads the preview while the test edits the sources.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { launchTestBrowser, type TestBrowser } from '../helpers/chromium.js';
import { BIN, ROOT, fixture } from '../cli/run.js';
import {
  EPOCH,
  copyFixture,
  processesMentioning,
  rawGet,
  startServe,
  waitFor,
  type ServeChild,
} from './helpers.js';

const PAGE = 'guide/02-staffing.md';
let serve: ServeChild;
let browser: TestBrowser;
let page: Page;
let original: string;

interface State {
  version: number;
  problems: { file?: string; line?: number; message: string }[];
  findings: { file: string; line?: number; code: string; message: string; target?: string }[];
  pdf: { state: string; version?: number; current: boolean };
}
const state = async (): Promise<State> =>
  (await (await fetch(`${serve.url}__serve/state`)).json()) as State;

const edit = (from: string, to: string): void => {
  const file = join(serve.source, PAGE);
  const text = readFileSync(file, 'utf8');
  assert.ok(text.includes(from), `${from} in ${PAGE}`);
  writeFileSync(file, text.replace(from, to));
};

const overlayText = (): Promise<string | null> =>
  page.evaluate(() => {
    const o = document.querySelector('hb-serve-ui')?.shadowRoot?.querySelector('.overlay');
    return o && !(o as HTMLElement).hidden ? o.textContent : null;
  });

before(async () => {
  serve = await startServe(copyFixture(fixture('guides/other-guide')));
  original = readFileSync(join(serve.source, PAGE), 'utf8');
  browser = await launchTestBrowser();
  page = await browser.browser.newPage();
  await page.goto(serve.url, { waitUntil: 'load' });
});

after(async () => {
  await browser?.close();
  if (serve && serve.child.exitCode === null) serve.child.kill('SIGKILL');
});

test('an edit to a page appears in the open preview, the reader keeps their place', async () => {
  await page.waitForFunction(() => document.body.innerText.includes('Keep a written record'));
  await page.evaluate(() => document.getElementById('pensions')?.scrollIntoView());
  const before = await page.evaluate(
    () => document.getElementById('pensions')!.getBoundingClientRect().top,
  );
  edit('Keep a written record of every meeting.', 'Keep minutes of every staff meeting.');
  await page.waitForFunction(
    () => document.body.innerText.includes('Keep minutes of every staff meeting'),
    {
      timeout: 30_000,
    },
  );
  const afterTop = await page.evaluate(
    () => document.getElementById('pensions')!.getBoundingClientRect().top,
  );
  assert.ok(Math.abs(afterTop - before) < 2, `section stays in place (${before} → ${afterTop})`);
  // Only the changed chapter was fetched, and the page now holds what the server serves.
  const patched = await page.evaluate(() =>
    performance.getEntriesByType('resource').some((e) => e.name.includes('/__serve/patch')),
  );
  assert.ok(patched, 'the changed chapter came alone (/__serve/patch)');
  const same = await page.evaluate(async () => {
    const served = new DOMParser().parseFromString(await (await fetch('/')).text(), 'text/html');
    const shown = document.querySelector('main')!.cloneNode(true) as HTMLElement;
    shown.querySelectorAll('mark[data-hb-serve]').forEach((m) => m.remove());
    return shown.innerHTML === served.querySelector('main')!.innerHTML;
  });
  assert.ok(same, 'the patched page is the served page');
});

test('a broken Liquid tag shows an overlay with file:line; fixing it clears it', async () => {
  const v = (await state()).version;
  edit('## Pensions', '## Pensions\n\n{% if page.title %}unclosed');
  const text = await waitFor('the overlay', () => overlayText().then((t) => t ?? undefined));
  assert.match(text, /guide\/02-staffing\.md:\d+: Liquid: tag \{% if page\.title %\} not closed/);
  assert.match(text, /last good version/);
  // The last good handbook is still on show.
  assert.ok(await page.evaluate(() => document.body.innerText.includes('Keep minutes')));
  assert.equal((await state()).version, v);
  edit('{% if page.title %}unclosed', '');
  await waitFor('the overlay to go', async () =>
    (await overlayText()) === null ? true : undefined,
  );
});

test('a broken link is listed in the findings panel and marked in the page', async () => {
  edit(
    'Tell the scheme',
    'See [the pensions page](/practice-merger/guide/no-such-page). Tell the scheme',
  );
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll('.hb-broken-link')].some(
        (e) => e.textContent === 'the pensions page',
      ),
    { timeout: 30_000 },
  );
  const items = await waitFor('the finding in the panel', () =>
    page.evaluate(() => {
      const root = document.querySelector('hb-serve-ui')!.shadowRoot!;
      const texts = [...root.querySelectorAll('.panel li')].map((li) => li.textContent ?? '');
      return texts.some((t) => t.includes('broken link "the pensions page"')) ? texts : undefined;
    }),
  );
  assert.ok(
    items.some(
      (t) =>
        /guide\/02-staffing\.md:\d+ error: broken link/.test(t) ||
        /02-staffing\.md:\d+ warning: broken link/.test(t),
    ),
    items.join('\n'),
  );
  // The mark is the server's: the page's own CSS outline comes from the client's stylesheet.
  const outlined = await page.evaluate(
    () => getComputedStyle(document.querySelector('.hb-broken-link')!).outlineStyle,
  );
  assert.equal(outlined, 'dashed');
  // Findings are `handbook check`'s for the same sources.
  const check = spawnSync(
    process.execPath,
    [BIN, 'check', '--json', '--no-cache', '--source', serve.source],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  const expected = (JSON.parse(check.stdout) as { findings: State['findings'] }).findings;
  const got = (await state()).findings.map(
    ({ target: _t, mark: _m, ...f }: State['findings'][number] & { mark?: unknown }) => f,
  );
  assert.deepEqual(got, expected);
});

test('the served HTML is build’s HTML plus the client; the print preview is build’s PDF', async () => {
  const s = await waitFor(
    'a current print',
    async () => {
      const st = await state();
      return st.pdf.current && st.pdf.state === 'ready' ? st : undefined;
    },
    120_000,
  );
  const served = await (await fetch(serve.url)).text();
  const pdf = new Uint8Array(await (await fetch(`${serve.url}__serve/handbook.pdf`)).arrayBuffer());
  assert.ok(s.version >= 3);
  const out = mkdtempSync(join(tmpdir(), 'hb-serve-build-'));
  const r = spawnSync(
    process.execPath,
    [BIN, 'build', '--format', 'html,pdf', '--no-cache', '--source', serve.source, '--out', out],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH } },
  );
  assert.equal(r.status, 0, r.stderr);
  const built = readFileSync(join(out, 'handbook.html'), 'utf8');
  assert.equal(served.replace(/<script src="\/__serve\/client\.js"[^>]*><\/script>\n/, ''), built);
  assert.ok(!built.includes('<script'));
  assert.ok(Buffer.from(pdf).equals(readFileSync(join(out, 'handbook.pdf'))), 'same PDF bytes');
  const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
  assert.match(text.replace(/\s+/g, ' '), /Keep minutes of every staff meeting/);
});

test('the print preview follows an edit', async () => {
  const v = (await state()).version;
  edit('Keep minutes of every staff meeting.', 'Keep signed minutes of every meeting.');
  const st = await waitFor(
    'a print of the edit',
    async () => {
      const s = await state();
      const printed = s.version > v && s.pdf.state === 'ready' && s.pdf.version === s.version;
      return printed && s.pdf.current ? s : undefined;
    },
    120_000,
  );
  const pdf = Buffer.from(await (await fetch(`${serve.url}__serve/handbook.pdf`)).arrayBuffer());
  const text = execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString();
  assert.match(text.replace(/\s+/g, ' '), /Keep signed minutes of every meeting/);
  const print = await browser.browser.newPage();
  await print.goto(`${serve.url}__serve/print`);
  await print.waitForFunction(
    (v: number) => document.querySelector('#status')?.textContent?.includes(`from version ${v}`),
    {},
    st.version,
  );
  assert.match((await print.$eval('#status', (e) => e.textContent)) ?? '', /Current\./);
  await print.close();
});

test('new, deleted and temporary files', async () => {
  const v = (await state()).version;
  writeFileSync(join(serve.source, 'guide', '.02-staffing.md.swp'), 'junk');
  writeFileSync(join(serve.source, 'guide', '02-staffing.md~'), 'junk');
  writeFileSync(join(serve.source, 'guide', '4913'), '');
  await new Promise((r) => setTimeout(r, 600));
  assert.equal((await state()).version, v, 'editor temp files do not rebuild');
  writeFileSync(
    join(serve.source, 'guide', 'extra.md'),
    '---\ntitle: Extra page\npermalink: /guide/extra\n---\n\nAn extra page nobody links to.\n',
  );
  await waitFor('the new page reported', async () =>
    (await state()).findings.some((f) => f.file === 'guide/extra.md') ? true : undefined,
  );
  writeFileSync(join(serve.source, PAGE), original);
  await page.waitForFunction(() => document.body.innerText.includes('Keep a written record'), {
    timeout: 30_000,
  });
});

test('paths outside the served files are 404, no directory listing', async () => {
  for (const p of [
    '/../package.json',
    '/guide/',
    '/guide',
    '/_config.yml',
    '/__serve/',
    '/%2e%2e/package.json',
    '/content/',
  ]) {
    const r = await rawGet(serve.port, p);
    assert.equal(r.status, 404, p);
  }
  assert.equal((await rawGet(serve.port, '/')).status, 200);
  // A page elsewhere that resolves its own name to 127.0.0.1 (DNS rebinding) gets nothing.
  assert.equal((await rawGet(serve.port, '/', { host: 'evil.example' })).status, 403);
  assert.equal((await rawGet(serve.port, '/', { host: `localhost:${serve.port}` })).status, 200);
});

test('a second serve on the same port says so and suggests another (exit 1)', () => {
  const r = spawnSync(
    process.execPath,
    [BIN, 'serve', '--source', serve.source, '--port', String(serve.port), '--no-print'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stderr, new RegExp(`port ${serve.port} .*already in use`));
  assert.match(r.stderr, new RegExp(`--port ${serve.port + 1}`));
  assert.doesNotMatch(r.stderr, /at .*\.js:\d+/);
});

test('Ctrl-C stops the server and the browser, and leaves no profile', async () => {
  const st = await state();
  assert.notEqual(st.pdf.state, 'waiting', 'the print browser has been started');
  assert.ok(
    processesMentioning(serve.tmp).length > 0,
    'the browser runs with its profile in TMPDIR',
  );
  serve.child.kill('SIGINT');
  const exit = await serve.exited;
  assert.ok(exit.code === 0 || exit.signal === 'SIGINT', JSON.stringify(exit));
  await waitFor(
    'no process',
    () => (processesMentioning(serve.tmp).length === 0 ? true : undefined),
    10_000,
  );
  // Chromium's own org.chromium.* scratch folder is left by any killed Chromium (build too);
  // the profile the session made is gone.
  assert.deepEqual(
    readdirSync(serve.tmp).filter((n) => n.startsWith('handbook-chrome-')),
    [],
  );
  assert.ok(existsSync(serve.source));
});
