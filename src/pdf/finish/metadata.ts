/**
 * Document metadata: the Info dictionary and an XMP packet saying the same thing (PDF/A
 * requires the two to agree), with the PDF/UA and PDF/A identification and the extension
 * schema declaration PDF/A needs for the pdfuaid namespace. Dates come from the caller
 * (release date or SOURCE_DATE_EPOCH), never from the clock.
 */
import { PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import type { HandbookMeta } from '../../model.js';

export interface DocMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  language: string;
  /** ISO 8601, UTC: `2024-03-01T00:00:00Z`. */
  date: string;
}

/** The PDF/A conformance claimed: PDF/A-2A (see finish/index.ts for what backs it). */
export const PDFA_PART = 2;
export const PDFA_CONFORMANCE = 'A';

/** `2024-03-01` or a full ISO timestamp → `2024-03-01T00:00:00Z` (seconds, UTC). */
export function normaliseDate(date: string): string {
  const iso = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/.test(date);
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  if (!iso || Number.isNaN(d.getTime())) throw new Error(`not an ISO 8601 date: ${date}`);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** ISO `2024-03-01T00:00:00Z` → PDF date `D:20240301000000Z`. */
export function pdfDate(iso: string): string {
  return `D:${iso.replace(/[-:T]/g, '').replace(/Z$/, '')}Z`;
}

export function docMetadata(
  meta: HandbookMeta,
  opts: { date: string; producer: string },
): DocMetadata {
  return {
    title: meta.title,
    author: meta.author ?? meta.organisation ?? meta.title,
    subject: meta.description ?? meta.subtitle ?? meta.title,
    keywords: [meta.title, `version ${meta.version}`, meta.organisation].filter(Boolean).join('; '),
    creator: opts.producer,
    producer: opts.producer,
    language: meta.language,
    date: normaliseDate(opts.date),
  };
}

function text(s: string): PDFString | PDFHexString {
  // Plain ASCII stays readable as a literal string; anything else goes UTF-16 (hex).
  return /^[\x20-\x7e]*$/.test(s)
    ? PDFString.of(s.replace(/([\\()])/g, '\\$1'))
    : PDFHexString.fromText(s);
}

export function setInfo(doc: PDFDocument, m: DocMetadata): void {
  const info = doc.context.obj({}) as PDFDict;
  const put = (k: string, v: string): void => info.set(PDFName.of(k), text(v));
  put('Title', m.title);
  put('Author', m.author);
  put('Subject', m.subject);
  put('Keywords', m.keywords);
  put('Creator', m.creator);
  put('Producer', m.producer);
  info.set(PDFName.of('CreationDate'), PDFString.of(pdfDate(m.date)));
  info.set(PDFName.of('ModDate'), PDFString.of(pdfDate(m.date)));
  // Replace Chromium's Info (its dates change on every run) in place.
  const ref = doc.context.trailerInfo.Info;
  if (ref && 'objectNumber' in ref) doc.context.assign(ref as never, info);
  else doc.context.trailerInfo.Info = doc.context.register(info);
}

const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const PDFUAID_SCHEMA = `
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>part</pdfaProperty:name>
         <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
         <pdfaProperty:category>internal</pdfaProperty:category>
         <pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>`;

export function xmpPacket(m: DocMetadata): string {
  const lang = xml(m.language);
  return `<?xpacket begin="\u{feff}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.title)}</rdf:li><rdf:li xml:lang="${lang}">${xml(m.title)}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>${xml(m.author)}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.subject)}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>${lang}</rdf:li></rdf:Bag></dc:language>
   <pdf:Producer>${xml(m.producer)}</pdf:Producer>
   <pdf:Keywords>${xml(m.keywords)}</pdf:Keywords>
   <xmp:CreatorTool>${xml(m.creator)}</xmp:CreatorTool>
   <xmp:CreateDate>${m.date}</xmp:CreateDate>
   <xmp:ModifyDate>${m.date}</xmp:ModifyDate>
   <xmp:MetadataDate>${m.date}</xmp:MetadataDate>
   <pdfaid:part>${PDFA_PART}</pdfaid:part>
   <pdfaid:conformance>${PDFA_CONFORMANCE}</pdfaid:conformance>
   <pdfuaid:part>1</pdfuaid:part>${PDFUAID_SCHEMA}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/** Adds (or replaces) the catalog's /Metadata stream; uncompressed, as PDF/A recommends. */
export function setXmp(doc: PDFDocument, m: DocMetadata): void {
  const bytes = new TextEncoder().encode(xmpPacket(m));
  const stream = doc.context.stream(bytes, { Type: 'Metadata', Subtype: 'XML' });
  const key = PDFName.of('Metadata');
  const existing = doc.catalog.get(key);
  if (existing && 'objectNumber' in existing) doc.context.assign(existing as never, stream);
  else doc.catalog.set(key, doc.context.register(stream));
}
