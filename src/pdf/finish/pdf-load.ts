/**
 * Reading a printed PDF: pdf-parser.ts reads what Chromium writes, fast; a file it does not
 * handle (object or cross-reference streams, incremental updates, a damaged table or object)
 * is read by pdf-lib instead and converted to the same object model. pdf-lib is imported only
 * then, so a normal build never pays for loading it.
 */
import type { PDFObject } from 'pdf-lib';
import { PdfDocument } from './pdf-document.js';
import { UnsupportedPdf, parsePdf } from './pdf-parser.js';
import {
  PdfArray,
  PdfDict,
  PdfName,
  PdfRef,
  PdfStream,
  PdfString,
  type PdfValue,
} from './pdf-objects.js';

/**
 * Runs `use` on `bytes` as read by pdf-parser.ts (or on `parsed`, the same bytes already read
 * by it); if that reader gives up, even halfway through `use` (it parses objects as they are
 * looked up), runs `use` again from scratch on pdf-lib's reading of the bytes.
 */
export async function usePdf<T>(
  bytes: Uint8Array,
  use: (doc: PdfDocument) => T | Promise<T>,
  parsed?: PdfDocument,
): Promise<T> {
  try {
    return await use(parsed ?? parsePdf(bytes));
  } catch (e) {
    if (!(e instanceof UnsupportedPdf)) throw e;
  }
  return use(await loadWithPdfLib(bytes));
}

/** pdf-lib's reading of the file (which repairs what it can), as a document without a source. */
async function loadWithPdfLib(bytes: Uint8Array): Promise<PdfDocument> {
  // Node's loader gives pdf-lib's named exports; in the CLI bundle, where pdf-lib is a chunk of
  // its own, there is only a default export: pdf-lib's CommonJS exports object.
  const mod = await import('pdf-lib');
  const lib = 'PDFDocument' in mod ? mod : (mod as { default: typeof mod }).default;
  // updateMetadata: false — pdf-lib would otherwise stamp its own Producer and the time.
  const doc = await lib.PDFDocument.load(bytes, {
    updateMetadata: false,
    parseSpeed: lib.ParseSpeeds.Fastest,
  });
  const latin1 = (b: Uint8Array): string => Buffer.from(b).toString('latin1');
  const convert = (o: PDFObject): PdfValue => {
    if (o instanceof lib.PDFNumber) return o.asNumber();
    if (o instanceof lib.PDFBool) return o.asBoolean();
    if (o === lib.PDFNull) return null;
    if (o instanceof lib.PDFName) return PdfName.fromBytes(o.decodeText());
    if (o instanceof lib.PDFString) return new PdfString(latin1(o.asBytes()));
    if (o instanceof lib.PDFHexString) return new PdfString(latin1(o.asBytes()), true);
    if (o instanceof lib.PDFRef) return PdfRef.of(o.objectNumber, o.generationNumber);
    if (o instanceof lib.PDFArray) return new PdfArray(o.asArray().map(convert));
    if (o instanceof lib.PDFDict) {
      const entries = o.entries();
      return new PdfDict(
        entries.map(([k]) => k.decodeText()),
        entries.map(([, v]) => convert(v)),
      );
    }
    if (o instanceof lib.PDFRawStream) return new PdfStream(convert(o.dict) as PdfDict, o.contents);
    throw new Error(`cannot convert a ${o.constructor.name}`);
  };
  const refs: PdfRef[] = [];
  const values: PdfValue[] = [];
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    refs[ref.objectNumber] = PdfRef.of(ref.objectNumber, ref.generationNumber);
    values[ref.objectNumber] = convert(obj);
  }
  const trailer = new PdfDict();
  const { Root, Info, ID } = doc.context.trailerInfo;
  if (Root) trailer.set('Root', convert(Root));
  if (Info) trailer.set('Info', convert(Info));
  if (ID) trailer.set('ID', convert(ID));
  return new PdfDocument(trailer, refs, values);
}
