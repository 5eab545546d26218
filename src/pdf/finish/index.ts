/**
 * Finishing: turns Chromium's tagged PDF into a PDF/UA-1 and PDF/A-2A file, editing it in
 * place with pdf-lib (copying pages to a new document would lose the structure tree).
 *
 * PDF/A conformance claimed: 2A, the highest level of part 2. Beyond B (embedded fonts, an
 * OutputIntent, XMP that matches Info, no encryption, no JavaScript) level A asks for every
 * glyph mapped to Unicode (Chromium's ToUnicode maps; real faces for every style, so no
 * Type 3 synthesis) and the document's logical structure: a structure tree in reading order,
 * standard types or a RoleMap to them, /Lang, no real content as artifact (list, step and note
 * numbers are Lbl text: see html/body.ts and styles/components.css). The independent check
 * test/pdf/ua-check.ts (with label-check.ts and unicode-check.ts) proves each of these on
 * the files the tests build; README "What the outputs guarantee" lists them.
 */
import { PDFDocument, PDFHeader, ParseSpeeds } from 'pdf-lib';
import type { FinishedPdf, Handbook, PrintedPdf } from '../../model.js';
import { readDestinations } from '../destinations.js';
import { markArtifacts } from './artifacts.js';
import { setCatalogFlags, setOutputIntent, setPageLabels } from './catalog.js';
import { setPlaceholderId, stampId } from './file-id.js';
import { fixLinks, linkTexts } from './links.js';
import { docMetadata, setInfo, setXmp } from './metadata.js';
import { hideInvisibleText } from './hidden-text.js';
import { setOutline } from './outline.js';
import {
  addListBodies,
  addRoleMap,
  fixFigures,
  fixTableHeaders,
  readStructTree,
} from './structure.js';
import { renumberNodeIds } from './node-ids.js';

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
  hideInvisibleText(doc);
  const pagesWithArtifacts = markArtifacts(doc);
  renumberNodeIds(doc);

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
