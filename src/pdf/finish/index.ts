/**
 * Finishing: turns Chromium's tagged PDF into a PDF/UA-1 and PDF/A-2B file, editing it in
 * place with pdf-lib (copying pages to a new document would lose the structure tree).
 *
 * PDF/A conformance claimed: 2B. Level U would additionally need every glyph to map to
 * Unicode, and level A the whole of tagged PDF as PDF/A-2 defines it; Chromium's ToUnicode
 * maps and our tagging very likely meet both, but without a PDF/A validator (veraPDF) in the
 * build the claim stays at what the finishing guarantees by construction: B (embedded fonts,
 * an OutputIntent, XMP that matches Info, no encryption, no JavaScript).
 */
import { PDFDocument, PDFHeader, ParseSpeeds } from 'pdf-lib';
import type { FinishedPdf, Handbook, PrintedPdf } from '../../model.js';
import { readDestinations } from '../destinations.js';
import { markArtifacts } from './artifacts.js';
import { setCatalogFlags, setOutputIntent, setPageLabels } from './catalog.js';
import { setPlaceholderId, stampId } from './file-id.js';
import { fixLinks, linkTexts } from './links.js';
import { docMetadata, setInfo, setXmp } from './metadata.js';
import { setOutline } from './outline.js';
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
  /** `document`: the same bytes already parsed (by the print's page-number pass); edited in place. */
  printed: PrintedPdf & { document?: PDFDocument },
  hb: Handbook,
  opts: FinishOptions,
): Promise<FinishedPdf & { report: FinishReport }> {
  // updateMetadata: false — otherwise pdf-lib stamps its own Producer and the current time.
  // Fastest / Infinity: no yielding to the event loop every 100 objects (a timer tick each,
  // which on a loaded machine cost more than the parsing).
  const doc =
    printed.document ??
    (await PDFDocument.load(printed.bytes, {
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fastest,
    }));
  // Chromium says 1.4, but the file uses 1.5+ features (/Tabs) and PDF/A-2 is based on 1.7.
  doc.context.header = PDFHeader.forVersion(1, 7);

  const meta = docMetadata(hb.meta, opts);
  setInfo(doc, meta);
  setXmp(doc, meta);
  setCatalogFlags(doc, hb.meta.language);
  setPageLabels(doc);
  setOutputIntent(doc);

  const elems = readStructTree(doc);
  const roleMap = addRoleMap(doc, elems);
  const figures = fixFigures(elems);
  const tableHeadersScoped = fixTableHeaders(doc, elems);
  const listBodies = addListBodies(doc, elems);
  const destinations = readDestinations(doc);
  const linksDescribed = fixLinks(doc, { ...linkTexts(hb), pages: destinations });
  const bookmarks = setOutline(doc, hb, destinations);
  const pagesWithArtifacts = markArtifacts(doc);

  setPlaceholderId(doc);
  const saved = await doc.save({
    useObjectStreams: false,
    addDefaultPage: false,
    updateFieldAppearances: false,
    objectsPerTick: Infinity,
  });
  const { bytes, id } = stampId(saved);
  return {
    bytes,
    pageCount: doc.getPageCount(),
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
