/**
 * LibreOffice as an independent reader of the Word handbook: converts a .docx to PDF headless
 * and returns the PDF's text (pdftotext). Tests skip with `libreOfficeSkip` when soffice or
 * pdftotext is missing (Debian: libreoffice-writer-nogui, poppler-utils; .ci/run installs both).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;

export const libreOfficeSkip: string | false = !has('soffice')
  ? 'soffice (LibreOffice) not installed'
  : !has('pdftotext')
    ? 'pdftotext not installed'
    : false;

/** The text of each page of LibreOffice's PDF of the document, in page order. */
export function docxToPdfPages(bytes: Uint8Array, timeoutMs = 170_000): string[] {
  const pages = docxToPdfText(bytes, timeoutMs).split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

export function docxToPdfText(bytes: Uint8Array, timeoutMs = 170_000): string {
  return withPdf(bytes, timeoutMs, (pdf) =>
    execFileSync('pdftotext', ['-layout', pdf, '-'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    }),
  );
}

/** LibreOffice's PDF of the document, as bytes (for reading it with pdf.js). */
export function docxToPdf(bytes: Uint8Array, timeoutMs = 170_000): Uint8Array {
  return withPdf(bytes, timeoutMs, (pdf) => new Uint8Array(readFileSync(pdf)));
}

function withPdf<T>(bytes: Uint8Array, timeoutMs: number, read: (pdf: string) => T): T {
  const dir = mkdtempSync(path.join(tmpdir(), 'hb-lo-'));
  try {
    const file = path.join(dir, 'handbook.docx');
    writeFileSync(file, bytes);
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        file,
      ],
      { stdio: 'pipe', timeout: timeoutMs },
    );
    const pdf = path.join(dir, 'handbook.pdf');
    if (!existsSync(pdf)) throw new Error('LibreOffice wrote no PDF');
    return read(pdf);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
