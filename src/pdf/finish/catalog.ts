/**
 * Catalog-level entries: /Lang, /MarkInfo, /ViewerPreferences, /PageLabels and the sRGB
 * OutputIntent (PDF/A needs one because Chromium paints in DeviceRGB).
 */
import { deflateSync } from 'node:zlib';
import { PDFDict, PDFName, PDFString, PDFBool, type PDFDocument } from 'pdf-lib';
import { SRGB_DESCRIPTION, srgbIccProfile } from './icc.js';

export function setCatalogFlags(doc: PDFDocument, language: string): void {
  const cat = doc.catalog;
  cat.set(PDFName.of('Lang'), PDFString.of(language));
  cat.set(PDFName.of('MarkInfo'), doc.context.obj({ Marked: true }));
  const vpKey = PDFName.of('ViewerPreferences');
  const vp = cat.lookup(vpKey);
  const prefs = vp instanceof PDFDict ? vp : doc.context.obj({});
  prefs.set(PDFName.of('DisplayDocTitle'), PDFBool.True);
  cat.set(vpKey, prefs);
}

/**
 * The footer counts every page from 1 (CSS `counter(page)`, cover included), so the page
 * labels are plain decimals from 1: the viewer's page box shows what the footer prints.
 */
export function setPageLabels(doc: PDFDocument): void {
  doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: [0, { S: 'D' }] }));
}

export function setOutputIntent(doc: PDFDocument): void {
  // node:zlib rather than pdf-lib's JavaScript deflate (flateStream), cold in a one-shot run.
  const icc = doc.context.stream(deflateSync(srgbIccProfile()), {
    N: 3,
    Filter: 'FlateDecode',
  });
  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of(SRGB_DESCRIPTION),
    Info: PDFString.of(SRGB_DESCRIPTION),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: doc.context.register(icc),
  });
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([intent]));
}
