/**
 * Reading an EPUB back for the tests (fflate + the tests' XML reader, so every document is
 * also checked well-formed), and the two validators: W3C's epubcheck (Debian's package, a
 * jar run with java) and DAISY Ace (`@daisy/ace-cli`, axe-core and the package checks in the
 * test Chromium through Puppeteer, with no browser of its own downloaded).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { descendants, parseXml, type XmlElement } from '../docx/xml-walk.js';

const run = promisify(execFile);

export interface ReadEpub {
  names: string[];
  files: Record<string, Uint8Array>;
  text(name: string): string;
  xml(name: string): XmlElement;
  /** The package document's path and root element. */
  opfPath: string;
  opf: XmlElement;
}

export function readEpub(bytes: Uint8Array): ReadEpub {
  const files = unzipSync(bytes);
  const text = (name: string): string => {
    const f = files[name];
    if (!f) throw new Error(`no ${name} in the EPUB`);
    return strFromU8(f);
  };
  const xml = (name: string) => parseXml(text(name));
  const container = xml('META-INF/container.xml');
  const opfPath = descendants(container, 'rootfile')[0]?.attrs['full-path'] ?? '';
  return { names: Object.keys(files), files, text, xml, opfPath, opf: xml(opfPath) };
}

/** The text of an element and its descendants. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

async function withFile<T>(bytes: Uint8Array, fn: (file: string, dir: string) => Promise<T>) {
  const dir = await mkdtemp(join(tmpdir(), 'hb-epub-test-'));
  try {
    const file = join(dir, 'handbook.epub');
    await writeFile(file, bytes);
    return await fn(file, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export interface EpubcheckResult {
  code: number;
  /** `ERROR(…)`, `WARNING(…)`, `FATAL(…)` lines. */
  messages: string[];
  summary: string;
}

/** `epubcheck` is Debian's jar (a symbolic link in /usr/bin); run with java, as its wrapper would. */
export async function epubcheck(bytes: Uint8Array): Promise<EpubcheckResult> {
  const jar = await realpath('/usr/bin/epubcheck');
  return withFile(bytes, async (file) => {
    let stdout = '';
    let stderr = '';
    let code = 0;
    try {
      ({ stdout, stderr } = await run('java', ['-jar', jar, file], { maxBuffer: 1 << 24 }));
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string; code?: number };
      ({ stdout = '', stderr = '' } = err);
      code = typeof err.code === 'number' ? err.code : 1;
    }
    const lines = `${stdout}\n${stderr}`.split('\n');
    return {
      code,
      messages: lines.filter((l) => /^(FATAL|ERROR|WARNING|USAGE)\(/.test(l)),
      summary: lines.find((l) => l.startsWith('Messages:')) ?? '',
    };
  });
}

export interface AceResult {
  outcome: string;
  /** `file: rule (impact): description` for every violation. */
  violations: string[];
}

interface AceReport {
  'earl:result': { 'earl:outcome': string };
  assertions: {
    'earl:testSubject': { url: string };
    assertions: {
      'earl:test': { 'dct:title': string; 'earl:impact': string };
      'earl:result': { 'dct:description': string };
    }[];
  }[];
}

/** Ace in the test Chromium: PUPPETEER_EXECUTABLE_PATH is the one setting it needs. */
export async function ace(bytes: Uint8Array): Promise<AceResult> {
  const require = createRequire(import.meta.url);
  const cli = join(require.resolve('@daisy/ace-cli/package.json'), '..', 'bin', 'ace.js');
  return withFile(bytes, async (file, dir) => {
    const out = join(dir, 'report');
    await run(process.execPath, [cli, '--silent', '--force', '--outdir', out, file], {
      env: {
        ...process.env,
        PUPPETEER_EXECUTABLE_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        PUPPETEER_SKIP_DOWNLOAD: '1',
      },
      timeout: 300_000,
      maxBuffer: 1 << 24,
    });
    const report = JSON.parse(await readFile(join(out, 'report.json'), 'utf8')) as AceReport;
    return {
      outcome: report['earl:result']['earl:outcome'],
      violations: report.assertions.flatMap((a) =>
        a.assertions.map(
          (x) =>
            `${a['earl:testSubject'].url}: ${x['earl:test']['dct:title']} (${x['earl:test']['earl:impact']}): ${x['earl:result']['dct:description']}`,
        ),
      ),
    };
  });
}
