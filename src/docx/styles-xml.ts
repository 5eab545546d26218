/**
 * What docx cannot say about styles, finished on styles.xml as text: the table style (docx
 * has no table-style API, and its `importedStyles` would drop the document defaults), the
 * DefaultParagraphFont that Word's character styles are based on (docx refers to it and never
 * defines it), and no paragraph style named "Strong" (docx adds one by default; in Word
 * "Strong" is the built-in character style, which styles.ts defines), and the page break
 * before a chapter, a part divider and the contents, which docx's style options lack.
 */
import { GREY, PALE, S } from './styles.js';

/**
 * The table style (borders, shaded bold first row). docx has no table-style API, and its
 * `importedStyles` drops the document defaults, so package.ts appends this to styles.xml.
 */
const TABLE_STYLE_XML =
  `<w:style w:type="table" w:styleId="${S.table}"><w:name w:val="Handbook Table"/>` +
  `<w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr><w:spacing w:before="40" w:after="40"/></w:pPr>` +
  `<w:tblPr><w:tblBorders>` +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="${GREY}"/>`)
    .join('') +
  `</w:tblBorders><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr>` +
  `<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="${PALE}"/></w:tcPr></w:tblStylePr>` +
  `</w:style>`;

const DEFAULT_PARAGRAPH_FONT =
  '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">' +
  '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>';

/** docx's default paragraph style "Strong" (one element, no nested styles). */
const PARAGRAPH_STRONG = /<w:style w:type="paragraph" w:styleId="Strong">.*?<\/w:style>/s;

/** Styles that start a new page: chapters (Heading 1), part dividers, the contents. */
const PAGE_STARTERS = [S.heading(1), S.partTitle, S.tocHeading];

/** Adds w:pageBreakBefore to a style's w:pPr where the schema puts it (after keepNext/keepLines). */
function withPageBreak(xml: string, id: string): string {
  const at = xml.indexOf(`w:styleId="${id}"`);
  const end = xml.indexOf('</w:style>', at);
  if (at < 0 || end < 0) throw new Error(`docx: style ${id} not found in styles.xml`);
  const style = xml.slice(at, end);
  let pPr = style.indexOf('<w:pPr>');
  let fixed: string;
  if (pPr < 0) {
    const rPr = style.indexOf('<w:rPr>');
    const cut = rPr < 0 ? style.length : rPr;
    fixed = `${style.slice(0, cut)}<w:pPr><w:pageBreakBefore/></w:pPr>${style.slice(cut)}`;
  } else {
    pPr += '<w:pPr>'.length;
    for (const tag of ['<w:keepNext/>', '<w:keepLines/>'])
      if (style.startsWith(tag, pPr)) pPr += tag.length;
    fixed = `${style.slice(0, pPr)}<w:pageBreakBefore/>${style.slice(pPr)}`;
  }
  return xml.slice(0, at) + fixed + xml.slice(end);
}

export function finishStyles(xml: string): string {
  const extra =
    (xml.includes('w:styleId="DefaultParagraphFont"') ? '' : DEFAULT_PARAGRAPH_FONT) +
    TABLE_STYLE_XML;
  let out = xml.replace(PARAGRAPH_STRONG, '').replace('</w:styles>', `${extra}</w:styles>`);
  for (const id of PAGE_STARTERS) out = withPageBreak(out, id);
  return out;
}
