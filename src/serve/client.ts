/**
 * The scripts the server adds to the pages it serves (never to a built handbook). Written as
 * functions so that they are type-checked, sent as their source text: each must stand alone
 * (no imports, no outer variables). The handbook page keeps its own markup untouched: the
 * panel and overlay live in a shadow root outside <body>, the marks are a constructed
 * stylesheet and a few <mark data-hb-serve> elements removed before each update.
 */

interface ClientFinding {
  file: string;
  line?: number;
  severity: 'error' | 'warning' | 'note';
  message: string;
  hint?: string;
  target?: string;
  mark?: { kind: 'broken-link' | 'gap'; text: string };
}

interface ClientState {
  version: number;
  problems: { file?: string; line?: number; message: string; hint?: string }[];
  findings: ClientFinding[];
  findingsStale: boolean;
  changed: string[];
  patch?: { from: number; to: number };
  pdf: { state: string; version?: number; printedAt?: string; ms?: number; current: boolean };
}

/** Live reload for the handbook page: updates in place, keeps the reader's place. */
function handbookClient(): void {
  const me = document.currentScript as HTMLScriptElement | null;
  let version = Number(me?.dataset.version ?? '0');
  let latest: ClientState | undefined;
  let busy = false;
  let panelOpen = sessionStorage.getItem('hb-serve-panel') === 'open';
  const PLACE = 'hb-serve-place';

  const host = document.createElement('hb-serve-ui');
  const ui = host.attachShadow({ mode: 'open' });
  ui.innerHTML = `<style>
    :host{all:initial;font:14px/1.4 system-ui,sans-serif;color:#0b0c0c}
    .bar{position:fixed;right:12px;bottom:12px;z-index:2147483647;display:flex;gap:6px;align-items:center;background:#fff;border:1px solid #b1b4b6;border-radius:6px;padding:4px 8px;box-shadow:0 2px 6px #0003}
    button,a{font:inherit;color:#1d70b8;background:none;border:0;cursor:pointer;text-decoration:underline;padding:2px}
    .err{color:#d4351c;font-weight:600}.warn{color:#b35900}.ok{color:#00703c}
    .overlay{position:fixed;left:0;right:0;top:0;z-index:2147483646;background:#fff4f2;border-bottom:4px solid #d4351c;padding:12px 16px;max-height:50vh;overflow:auto;box-shadow:0 2px 8px #0004}
    .overlay h2{margin:0 0 6px;font-size:16px}.where{font-family:ui-monospace,monospace;font-weight:600}
    .panel{position:fixed;right:0;top:0;bottom:0;width:min(440px,90vw);z-index:2147483645;background:#fff;border-left:1px solid #b1b4b6;overflow:auto;padding:8px 12px 56px;box-shadow:-2px 0 8px #0002}
    .panel h2{font-size:16px;margin:4px 0 8px}.panel ol{list-style:none;margin:0;padding:0}
    .panel li{border-top:1px solid #e5e6e7;padding:6px 0}.panel li button{text-align:left;color:inherit;text-decoration:none;display:block;width:100%}
    .panel li button:hover,.panel li button:focus{background:#f3f2f1}.hint{color:#505a5f;font-size:13px}
    [hidden]{display:none!important}
  </style>
  <div class="overlay" role="alert" hidden></div>
  <aside class="panel" aria-label="Findings" hidden><h2>Findings</h2><p class="stale" hidden>From the last sources that could be read.</p><ol></ol></aside>
  <div class="bar"><span class="live" aria-live="polite">connecting…</span>
  <button type="button" class="toggle" aria-expanded="false">Findings</button>
  <a class="print" href="/__serve/print" target="hb-print">Print preview</a></div>`;
  document.documentElement.append(host);
  const $ = <T extends Element>(sel: string): T => ui.querySelector(sel) as T;
  const overlay = $<HTMLDivElement>('.overlay');
  const panel = $<HTMLElement>('.panel');
  const list = $<HTMLOListElement>('.panel ol');
  const live = $<HTMLSpanElement>('.live');
  const toggle = $<HTMLButtonElement>('.toggle');
  const printLink = $<HTMLAnchorElement>('.print');

  const marks = new CSSStyleSheet();
  marks.replaceSync(`.hb-broken-link{outline:2px dashed #d4351c;outline-offset:2px}
    .hb-broken-link::after{content:" \\26A0 broken link";color:#d4351c;font-size:.8em}
    mark.hb-serve-flag{display:block;background:#fff7bf;border-left:4px solid #ffdd00;padding:4px 8px;margin:4px 0;font-size:.85em;color:#0b0c0c}
    .hb-serve-flash{animation:hb-serve-flash 1.5s}
    @keyframes hb-serve-flash{from{background:#ffdd00}to{background:transparent}}`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, marks];

  const text = (s: string): Text => document.createTextNode(s);
  const where = (f: { file?: string; line?: number }): string =>
    f.file ? `${f.file}${f.line ? `:${f.line}` : ''}` : '';

  toggle.addEventListener('click', () => {
    panelOpen = !panelOpen;
    sessionStorage.setItem('hb-serve-panel', panelOpen ? 'open' : 'closed');
    show();
  });

  function show(): void {
    const s = latest;
    panel.hidden = !panelOpen;
    toggle.setAttribute('aria-expanded', String(panelOpen));
    if (!s) return;
    const errors = s.findings.filter((f) => f.severity === 'error').length;
    const warnings = s.findings.filter((f) => f.severity === 'warning').length;
    toggle.textContent = `Findings: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    toggle.className = `toggle ${errors ? 'err' : warnings ? 'warn' : 'ok'}`;
    const pdf = s.pdf;
    printLink.textContent =
      pdf.state === 'off'
        ? 'Print preview: off'
        : `Print preview${pdf.current ? '' : pdf.state === 'failed' ? ' (failed)' : ' (updating…)'}`;
    overlay.hidden = s.problems.length === 0;
    overlay.replaceChildren();
    if (s.problems.length) {
      const h = document.createElement('h2');
      h.textContent = 'The handbook cannot be built: the preview shows the last good version';
      overlay.append(h);
      for (const p of s.problems) {
        const div = document.createElement('div');
        const w = document.createElement('span');
        w.className = 'where';
        w.textContent = where(p);
        div.append(w, text(`${w.textContent ? ': ' : ''}${p.message}`));
        if (p.hint) {
          const hint = document.createElement('div');
          hint.className = 'hint';
          hint.textContent = `hint: ${p.hint}`;
          div.append(hint);
        }
        overlay.append(div);
      }
    }
    $<HTMLParagraphElement>('.stale').hidden = !s.findingsStale;
    list.replaceChildren(
      ...s.findings.map((f) => {
        const li = document.createElement('li');
        const b = document.createElement('button');
        b.type = 'button';
        const w = document.createElement('span');
        w.className = 'where';
        w.textContent = where(f);
        const sev = document.createElement('span');
        sev.className = f.severity === 'error' ? 'err' : f.severity === 'warning' ? 'warn' : '';
        sev.textContent = ` ${f.severity}: `;
        b.append(w, sev, text(f.message));
        if (f.hint) {
          const hint = document.createElement('div');
          hint.className = 'hint';
          hint.textContent = f.hint;
          b.append(hint);
        }
        b.disabled = !f.target;
        b.addEventListener('click', () => jump(f));
        li.append(b);
        return li;
      }),
    );
  }

  function jump(f: ClientFinding): void {
    const anchor = f.target ? document.getElementById(f.target) : null;
    if (!anchor) return;
    let el: Element = anchor;
    if (f.mark?.kind === 'broken-link') {
      const chapter = anchor.closest('section.hb-chapter') ?? document;
      const found = [...chapter.querySelectorAll('.hb-broken-link')].find(
        (e) => e.textContent?.trim() === f.mark?.text,
      );
      if (found) el = found;
    }
    el.scrollIntoView({ block: 'center' });
    el.classList.add('hb-serve-flash');
    setTimeout(() => el.classList.remove('hb-serve-flash'), 1600);
  }

  function unmark(): void {
    document.querySelectorAll('mark[data-hb-serve]').forEach((m) => m.remove());
  }

  function mark(findings: ClientFinding[]): void {
    unmark();
    for (const f of findings) {
      if (f.mark?.kind !== 'gap' || !f.target) continue;
      const at = document.getElementById(f.target);
      if (!at) continue;
      const m = document.createElement('mark');
      m.className = 'hb-serve-flag';
      m.dataset.hbServe = '';
      m.textContent = `${where(f)}: ${f.message}`;
      at.after(m);
    }
  }

  /** The section heading at the top of the window, and where it is. */
  function readPlace(): { id: string; top: number } | undefined {
    let best: { id: string; top: number } | undefined;
    for (const h of document.querySelectorAll('main :is(h1,h2,h3,h4,h5,h6)[id]')) {
      const top = h.getBoundingClientRect().top;
      if (top > 8) break;
      best = { id: h.id, top };
    }
    return best;
  }

  function restorePlace(place: { id: string; top: number } | undefined, changed: string[]): void {
    const el = place ? document.getElementById(place.id) : null;
    if (el && place) window.scrollBy(0, el.getBoundingClientRect().top - place.top);
    else if (place && changed[0]) document.getElementById(changed[0])?.scrollIntoView();
  }

  const headOf = (d: Document): string => {
    const head = d.head.cloneNode(true) as HTMLElement;
    head.querySelectorAll('[data-hb-serve]').forEach((e) => e.remove());
    return `${d.documentElement.lang}\0${head.innerHTML}`;
  };

  /** Replaces what differs, a few levels deep (chapters, then their blocks). */
  function patch(old: Element, next: Element, depth: number): void {
    const a = [...old.childNodes];
    const b = [...next.childNodes];
    if (depth > 4 || a.length !== b.length) {
      old.replaceChildren(...b.map((n) => document.importNode(n, true)));
      return;
    }
    b.forEach((n, i) => {
      const o = a[i]!;
      if (o instanceof Element && n instanceof Element && o.tagName === n.tagName) {
        if (o.outerHTML === n.outerHTML) return;
        const sameAttrs =
          o.attributes.length === n.attributes.length &&
          [...n.attributes].every((at) => o.getAttribute(at.name) === at.value);
        if (sameAttrs) patch(o, n, depth + 1);
        else o.replaceWith(document.importNode(n, true));
      } else if (!o.isEqualNode(n)) {
        o.replaceWith(document.importNode(n, true));
      }
    });
  }

  /**
   * The changed chapters alone, when the server has them for this very step; false when the
   * whole page must be fetched.
   */
  async function patchChapters(s: ClientState): Promise<boolean> {
    const p = s.patch;
    if (!p || p.from !== version || p.to !== s.version) return false;
    const res = await fetch(`/__serve/patch?v=${p.to}`, { cache: 'no-store' });
    if (!res.ok) return false;
    const d = (await res.json()) as {
      from: number;
      to: number;
      count: number;
      sections: { index: number; html: string }[];
    };
    const all = document.querySelectorAll('main.hb-main > section.hb-chapter');
    if (d.from !== version || d.to !== p.to || all.length !== d.count) return false;
    const place = readPlace();
    unmark();
    for (const { index, html } of d.sections) {
      const old = all[index]!;
      const tpl = document.createElement('template');
      tpl.innerHTML = html;
      const next = tpl.content.firstElementChild!;
      const sameAttrs =
        old.attributes.length === next.attributes.length &&
        [...next.attributes].every((at) => old.getAttribute(at.name) === at.value);
      if (sameAttrs) patch(old, next, 1);
      else old.replaceWith(document.importNode(next, true));
    }
    version = d.to;
    restorePlace(place, s.changed);
    mark(s.findings);
    document.dispatchEvent(new CustomEvent('hb-serve:updated', { detail: version }));
    return true;
  }

  async function update(): Promise<void> {
    if (busy) return;
    busy = true;
    try {
      while (latest && latest.version > version) {
        if (await patchChapters(latest)) continue;
        const target = latest.version;
        const res = await fetch(`/?v=${target}`, { cache: 'no-store' });
        const got = Number(res.headers.get('x-handbook-version') ?? target);
        const next = new DOMParser().parseFromString(await res.text(), 'text/html');
        const place = readPlace();
        if (headOf(next) !== headOf(document)) {
          sessionStorage.setItem(PLACE, JSON.stringify({ place, changed: latest.changed }));
          location.reload();
          return;
        }
        unmark();
        patch(document.body, next.body, 0);
        document.title = next.title;
        version = got;
        restorePlace(place, latest.changed);
        mark(latest.findings);
        document.dispatchEvent(new CustomEvent('hb-serve:updated', { detail: version }));
      }
    } catch {
      live.textContent = 'update failed: reload the page';
    } finally {
      busy = false;
    }
  }

  const saved = sessionStorage.getItem(PLACE);
  if (saved) {
    sessionStorage.removeItem(PLACE);
    const { place, changed } = JSON.parse(saved) as {
      place?: { id: string; top: number };
      changed: string[];
    };
    void document.fonts.ready.then(() => restorePlace(place, changed));
  }

  const events = new EventSource('/__serve/events');
  events.onopen = () => (live.textContent = 'live');
  events.onerror = () => (live.textContent = 'disconnected: is handbook serve running?');
  events.onmessage = (e: MessageEvent<string>) => {
    latest = JSON.parse(e.data) as ClientState;
    live.textContent = `live · v${latest.version}`;
    show();
    if (latest.version > version) void update();
    else mark(latest.findings);
  };
  show();
}

/** The print preview page: the latest PDF and whether it is current. */
function printClient(): void {
  const frame = document.querySelector('iframe') as HTMLIFrameElement;
  const status = document.querySelector('#status') as HTMLElement;
  let shown: number | undefined;
  const events = new EventSource('/__serve/events');
  events.onerror = () => (status.textContent = 'disconnected: is handbook serve running?');
  events.onmessage = (e: MessageEvent<string>) => {
    const s = JSON.parse(e.data) as ClientState;
    const pdf = s.pdf;
    if (pdf.version !== undefined && pdf.version !== shown && pdf.state !== 'printing') {
      shown = pdf.version;
      frame.src = `/__serve/handbook.pdf?v=${pdf.version}`;
    }
    const when = pdf.printedAt ? new Date(pdf.printedAt).toLocaleTimeString() : undefined;
    const printed = when ? `Printed at ${when} (${pdf.ms} ms) from version ${pdf.version}` : '';
    const now =
      pdf.state === 'off'
        ? 'The print preview is off.'
        : pdf.state === 'failed'
          ? 'The last print failed.'
          : pdf.current
            ? 'Current.'
            : pdf.state === 'printing'
              ? `Out of date: printing version ${s.version}…`
              : `Out of date: version ${s.version} is waiting to be printed.`;
    status.textContent = [printed, now, s.problems.length ? 'The sources have errors.' : '']
      .filter(Boolean)
      .join(' ');
    status.dataset.current = String(pdf.current);
  };
}

/** Source text of `fn` as a script; `__name` is what esbuild's keepNames (tsx) may call. */
const script = (fn: () => void): string =>
  `(() => {\nconst __name = (f) => f;\n(${fn.toString()})();\n})();\n`;

export const HANDBOOK_CLIENT = script(handbookClient);
export const PRINT_CLIENT = script(printClient);
