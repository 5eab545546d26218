/**
 * Catalog-level entries: /Lang, /MarkInfo, /ViewerPreferences, /PageLabels and the sRGB
 * OutputIntent (PDF/A needs one because Chromium paints in DeviceRGB).
 */
import { deflateSync } from 'node:zlib';
import { SRGB_DESCRIPTION, srgbIccProfile } from './icc.js';
import type { PdfDocument } from './pdf-document.js';
import { PdfArray, PdfDict, PdfName, PdfStream, PdfString } from './pdf-objects.js';

export function setCatalogFlags(doc: PdfDocument, language: string): void {
  const cat = doc.catalog;
  cat.set('Lang', PdfString.fromText(language));
  cat.set('MarkInfo', PdfDict.of({ Marked: true }));
  const prefs = doc.dict(cat.get('ViewerPreferences')) ?? new PdfDict();
  prefs.set('DisplayDocTitle', true);
  cat.set('ViewerPreferences', prefs);
}

/**
 * The footer counts every page from 1 (CSS `counter(page)`, cover included), so the page
 * labels are plain decimals from 1: the viewer's page box shows what the footer prints.
 */
export function setPageLabels(doc: PdfDocument): void {
  const decimal = PdfDict.of({ S: PdfName.of('D') });
  doc.catalog.set('PageLabels', PdfDict.of({ Nums: new PdfArray([0, decimal]) }));
}

export function setOutputIntent(doc: PdfDocument): void {
  const icc = new PdfStream(
    PdfDict.of({ N: 3, Filter: PdfName.of('FlateDecode') }),
    deflateSync(srgbIccProfile()),
  );
  const intent = PdfDict.of({
    Type: PdfName.of('OutputIntent'),
    S: PdfName.of('GTS_PDFA1'),
    OutputConditionIdentifier: PdfString.fromText(SRGB_DESCRIPTION),
    Info: PdfString.fromText(SRGB_DESCRIPTION),
    RegistryName: PdfString.fromText('http://www.color.org'),
    DestOutputProfile: doc.register(icc),
  });
  doc.catalog.set('OutputIntents', new PdfArray([intent]));
}
