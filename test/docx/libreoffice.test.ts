/**
 * LibreOffice opens and renders the handbook, and its PDF shows the contents entries
 * (pre-filled, not left for a field update). Skipped when soffice is not installed
 * (Debian: apt-get install libreoffice-writer-nogui; pdftotext: poppler-utils).
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { docxToPdfText, libreOfficeSkip } from '../helpers/libreoffice.js';
import { render } from './helpers.js';

it(
  'LibreOffice converts the docx to PDF and shows the contents',
  { skip: libreOfficeSkip, timeout: 120_000 },
  async () => {
    const text = docxToPdfText((await render()).bytes, 110_000);
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
  },
);
