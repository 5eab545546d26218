/**
 * Finishing: turns Chromium's tagged PDF into a PDF/UA-1 and PDF/A-2B file, editing it in
 * place (copying pages to a new document would lose the structure tree). The file is read,
 * edited and saved with a small object model of our own (pdf-objects.ts, pdf-parser.ts,
 * pdf-writer.ts): importing pdf-lib and running its parser and writer cost more than all the
 * fixes together, and saving can copy the objects the fixes leave alone as they are.
 *
 * PDF/A conformance claimed: 2B. Level U would additionally need every glyph to map to
 * Unicode, and level A the whole of tagged PDF as PDF/A-2 defines it; Chromium's ToUnicode
 * maps and our tagging very likely meet both, but without a PDF/A validator (veraPDF) in the
 * build the claim stays at what the finishing guarantees by construction: B (embedded fonts,
 * an OutputIntent, XMP that matches Info, no encryption, no JavaScript).
 */
import type { FinishedPdf, Handbook, PrintedPdf } from '../../model.js';
import { readDestinations } from '../destinations.js';
import { markArtifacts } from './artifacts.js';
import { setCatalogFlags, setOutputIntent, setPageLabels } from './catalog.js';
import { setPlaceholderId, stampId } from './file-id.js';
import { fixLinks, linkTexts } from './links.js';
import { docMetadata, setInfo, setXmp } from './metadata.js';
import { setOutline } from './outline.js';
import type { PdfDocument } from './pdf-document.js';
import { usePdf } from './pdf-load.js';
import { writePdf } from './pdf-writer.js';
import {
  addListBodies,
  addRoleMap,
  fixFigures,
  fixTableHeaders,
  readStructTree,
} from './structure.js';

export interface FinishOptions {
  /** Release date or build date (ISO: `2024-03-01` or a full timestamp): every date in the file. */
  date: string;
  /** Name and version of this tool, for /Producer, /Creator, pdf:Producer, xmp:CreatorTool. */
  producer: string;
}

export interface FinishReport {
  roleMap: Record<string, string>;
  figuresUnwrapped: number;
  figuresDemoted: number;
  tableHeadersScoped: number;
  listBodies: number;
  linksDescribed: number;
  pagesWithArtifacts: number;
  bookmarks: number;
  id: string;
}

export async function finishPdf(
  /** `document`: the same bytes already read (by the print's page-number pass); edited in place. */
  printed: PrintedPdf & { document?: PdfDocument },
  hb: Handbook,
  opts: FinishOptions,
): Promise<FinishedPdf & { report: FinishReport }> {
  return usePdf(printed.bytes, (doc) => finish(doc, hb, opts), printed.document);
}

function finish(
  doc: PdfDocument,
  hb: Handbook,
  opts: FinishOptions,
): FinishedPdf & { report: FinishReport } {
  const meta = docMetadata(hb.meta, opts);
  setInfo(doc, meta);
  setXmp(doc, meta);
  setCatalogFlags(doc, hb.meta.language);
  setPageLabels(doc);
  setOutputIntent(doc);

  const elems = readStructTree(doc);
  const roleMap = addRoleMap(doc, elems);
  const figures = fixFigures(doc, elems);
  const tableHeadersScoped = fixTableHeaders(doc, elems);
  const listBodies = addListBodies(doc, elems);
  const linksDescribed = fixLinks(doc, linkTexts(hb));
  const bookmarks = setOutline(doc, hb, readDestinations(doc));
  const pagesWithArtifacts = markArtifacts(doc);

  setPlaceholderId(doc);
  const { bytes, id } = stampId(writePdf(doc));
  return {
    bytes,
    pageCount: doc.pages().length,
    report: {
      roleMap,
      figuresUnwrapped: figures.unwrapped,
      figuresDemoted: figures.demoted,
      tableHeadersScoped,
      listBodies,
      linksDescribed,
      pagesWithArtifacts,
      bookmarks,
      id,
    },
  };
}
