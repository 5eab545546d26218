/**
 * LibreOffice opens and renders the handbook, and its PDF shows the contents entries
 * (pre-filled, not left for a field update). Skipped when soffice is not installed
 * (Debian: apt-get install libreoffice-writer-nogui; pdftotext: poppler-utils).
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { render } from './helpers.js';

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

const skip = !has('soffice')
  ? 'soffice (LibreOffice) not installed'
  : !has('pdftotext')
    ? 'pdftotext not installed'
    : false;

it(
  'LibreOffice converts the docx to PDF and shows the contents',
  { skip, timeout: 120_000 },
  async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hb-lo-'));
    try {
      const docx = path.join(dir, 'handbook.docx');
      writeFileSync(docx, (await render()).bytes);
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${dir}/profile`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          docx,
        ],
        { stdio: 'pipe', timeout: 110_000 },
      );
      const pdf = path.join(dir, 'handbook.pdf');
      assert.ok(existsSync(pdf), 'PDF written');
      const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
      const contents = text.slice(text.indexOf('Contents'));
      for (const entry of [
        'Introduction',
        'Data checking',
        'Appendix A: Information Governance references',
      ]) {
        assert.ok(contents.indexOf(entry) >= 0, `contents entry ${entry}`);
      }
      assert.match(text, /Page 1 of \d+/);
      assert.match(text, /Encryption guidance for health and care organisations/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
