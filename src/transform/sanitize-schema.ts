/**
 * The allow-list of what a handbook may contain (hast-util-sanitize schema): document
 * structure, text, tables, images, inline SVG drawings and the components' `hb-`/`nhsuk-`
 * markup. Everything else is removed: scripts and event handlers, embedding elements, forms,
 * `meta`/`base`/`link`/`style`, and every attribute that could fetch or run something.
 * Property names are hast's (camelCase), as hast-util-sanitize compares them.
 */
import type { Schema } from 'hast-util-sanitize';

/** URL schemes a link may use; anything else (javascript:, file:, data: …) is removed. */
export const LINK_PROTOCOLS = ['http', 'https', 'mailto', 'tel'];

/** data: image types that may be embedded (everything else is removed). */
export const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|svg\+xml)[;,]/i;

const HTML_TAGS = [
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'wbr', 'div', 'span'],
  ...['section', 'article', 'aside', 'header', 'footer', 'nav', 'main', 'address'],
  ...['figure', 'figcaption', 'blockquote', 'q', 'cite', 'pre', 'code', 'kbd', 'samp', 'var'],
  ...['em', 'strong', 'b', 'i', 'u', 's', 'strike', 'del', 'ins', 'mark', 'small', 'big'],
  ...['sub', 'sup', 'abbr', 'dfn', 'time', 'bdi', 'bdo', 'ruby', 'rt', 'rp', 'tt'],
  ...['ol', 'ul', 'li', 'dl', 'dt', 'dd', 'details', 'summary'],
  ...['table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
  ...['a', 'img', 'input'],
];

/** Drawing elements of inline SVG (no script, foreignObject, image, animation or filter). */
export const SVG_TAGS = [
  ...['svg', 'g', 'path', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'rect'],
  ...['text', 'tspan', 'title', 'desc', 'defs', 'use', 'symbol', 'clipPath', 'mask'],
  ...['linearGradient', 'radialGradient', 'stop', 'pattern', 'marker'],
];

const ARIA = [
  ...['ariaLabel', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaHidden', 'ariaCurrent'],
  ...['ariaLevel', 'ariaRoleDescription', 'ariaDetails', 'ariaHasPopup', 'ariaExpanded'],
];

const SVG_ATTRIBUTES = [
  ...['viewBox', 'preserveAspectRatio', 'xmlns', 'xmlnsXLink', 'version', 'focusable'],
  ...['d', 'points', 'cx', 'cy', 'r', 'rx', 'ry', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'dx', 'dy'],
  ...['fill', 'fillOpacity', 'fillRule', 'stroke', 'strokeWidth', 'strokeOpacity'],
  ...['strokeLinecap', 'strokeLinejoin', 'strokeDasharray', 'strokeDashoffset'],
  ...['strokeMiterlimit', 'opacity', 'transform', 'clipRule', 'clipPath', 'mask'],
  ...['fontSize', 'fontFamily', 'fontWeight', 'fontStyle', 'textAnchor'],
  ...['dominantBaseline', 'offset', 'stopColor', 'stopOpacity', 'gradientUnits'],
  ...['gradientTransform', 'patternUnits', 'patternTransform', 'markerWidth'],
  ...['markerHeight', 'refX', 'refY', 'orient', 'markerStart', 'markerMid', 'markerEnd'],
  ...['clipPathUnits', 'maskUnits', 'vectorEffect', 'visibility', 'display', 'color'],
];

/** In SVG, `href` may only point at a fragment of the same drawing (`<use href="#a">`). */
const LOCAL_REF = /^#/;

export const HANDBOOK_SCHEMA: Schema = {
  tagNames: [...HTML_TAGS, ...SVG_TAGS],
  // Removed with their content (the rest of the disallowed elements keep their text).
  strip: [
    ...['script', 'style', 'template', 'iframe', 'frame', 'frameset', 'object', 'embed'],
    ...['applet', 'noscript', 'noembed', 'noframes', 'textarea', 'select', 'option', 'xmp'],
    ...['plaintext', 'title', 'head', 'meta', 'base', 'link', 'foreignObject', 'math'],
    ...['audio', 'video', 'canvas', 'portal', 'fencedframe', 'image', 'animate', 'set'],
    ...['animateMotion', 'animateTransform', 'filter', 'feImage', 'button', 'datalist'],
  ],
  // Ids are the handbook's own namespace (assignIds makes them unique): no prefix.
  clobber: [],
  clobberPrefix: '',
  // Tables and lists are repaired by the HTML parser already; no ancestor rules needed.
  ancestors: {},
  allowComments: false,
  allowDoctypes: false,
  protocols: {
    href: LINK_PROTOCOLS,
    src: ['data'],
  },
  attributes: {
    a: ['href', 'hrefLang', 'rel', 'type', 'dataFootnoteRef', 'dataFootnoteBackref'],
    img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    ol: ['start', 'reversed', 'type'],
    li: ['value'],
    td: ['colSpan', 'rowSpan', 'headers', 'align', 'vAlign'],
    th: ['colSpan', 'rowSpan', 'headers', 'scope', 'abbr', 'align', 'vAlign'],
    col: ['span', 'width', 'align'],
    colgroup: ['span', 'width', 'align'],
    details: ['open'],
    time: ['dateTime'],
    del: ['dateTime'],
    ins: ['dateTime'],
    abbr: ['title'],
    use: [['href', LOCAL_REF], ['xLinkHref', LOCAL_REF], 'x', 'y', 'width', 'height'],
    '*': [
      ...['className', 'id', 'name', 'lang', 'dir', 'title', 'role', 'align', 'hidden'],
      ...['width', 'height'],
      'data*',
      ...ARIA,
      ...SVG_ATTRIBUTES,
    ],
  },
  required: { input: { type: 'checkbox', disabled: true } },
};
