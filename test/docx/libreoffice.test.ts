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
    // The cover carries neither the running head nor the page footer; the next page both.
    const [cover = '', second = ''] = text.split('\f');
    assert.doesNotMatch(cover, /Page \d+ of/);
    assert.equal(cover.split('GP Clinical System Migration').length, 2, 'title once: no header');
    assert.match(second, /Page 2 of \d+/);
    assert.match(text, /Encryption guidance for health and care organisations/);
  },
);
