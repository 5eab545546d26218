/** Reading a rendered .docx in tests: unzip with fflate, walk the XML with small regexes. */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { renderDocx } from '../../src/docx/index.js';
import type { Handbook } from '../../src/model.js';
import { TINY_PNG_BASE64, sampleHandbook } from './sample-handbook.js';

export interface Package {
  bytes: Uint8Array;
  files: Record<string, Uint8Array>;
  part(name: string): string;
}

/** A site root with /assets/images/roles.png, as the source tree would have it. */
export function assetsRoot(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'hb-docx-'));
  mkdirSync(path.join(root, 'assets', 'images'), { recursive: true });
  writeFileSync(
    path.join(root, 'assets', 'images', 'roles.png'),
    Buffer.from(TINY_PNG_BASE64, 'base64'),
  );
  return root;
}

export async function render(
  hb: Handbook = sampleHandbook(),
  root = assetsRoot(),
): Promise<Package> {
  const { bytes } = await renderDocx(hb, { assetsRoot: root });
  const files = unzipSync(bytes);
  return {
    bytes,
    files,
    part(name) {
      const f = files[name];
      if (!f) throw new Error(`no part ${name} in the package`);
      return strFromU8(f);
    },
  };
}

export function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Every w:p element (the body has no nested paragraphs outside table cells). */
export function paragraphs(xml: string): string[] {
  return xml.match(/<w:p(?:\/>|[ >].*?<\/w:p>)/gs) ?? [];
}

export function textOf(xml: string): string {
  return unescapeXml(
    [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
  );
}

export function styleOf(p: string): string | undefined {
  return /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1];
}

export function all(xml: string, re: RegExp): string[] {
  return [...xml.matchAll(re)].map((m) => m[1] ?? '');
}

/** document.xml without the tables (cells must hold a paragraph, even an empty one). */
export function outsideTables(xml: string): string {
  return xml.replace(/<w:tbl>.*?<\/w:tbl>/gs, '');
}
