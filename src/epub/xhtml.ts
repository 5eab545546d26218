/**
 * hast → XHTML (the XML serialisation EPUB content documents must use). hast-util-to-html
 * writes HTML: bare boolean attributes (`hidden`), unclosed voids, which no XML parser
 * accepts. This writes every attribute with a quoted value, closes every empty element,
 * escapes the five XML specials and nothing else (text stays readable UTF-8), and gives an
 * inline `svg` or `math` its namespace. Comments are dropped (editors' notes never ship).
 */
import type { Element, ElementContent, Properties, Root, RootContent } from 'hast';
import { find, html, svg } from 'property-information';

const NS = {
  svg: 'http://www.w3.org/2000/svg',
  math: 'http://www.w3.org/1998/Math/MathML',
  xlink: 'http://www.w3.org/1999/xlink',
} as const;

/** HTML elements that have no content: written `<br/>`, never `<br></br>`. */
const VOIDS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

export function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

type Space = 'html' | 'svg' | 'math';

export function toXhtml(node: Root | RootContent | ElementContent, space: Space = 'html'): string {
  switch (node.type) {
    case 'root':
      return node.children.map((c) => toXhtml(c, space)).join('');
    case 'element':
      return element(node, space);
    case 'text':
      return escapeText(node.value);
    default:
      // comments, doctypes and raw nodes (none survive the transform's rehype-raw pass)
      return '';
  }
}

function element(node: Element, outer: Space): string {
  const space: Space = node.tagName === 'svg' ? 'svg' : node.tagName === 'math' ? 'math' : outer;
  const attrs = attributes(node.properties, space);
  if (space !== outer && space !== 'html') attrs.unshift(`xmlns="${NS[space]}"`);
  if (space === 'svg' && space !== outer && attrs.some((a) => a.startsWith('xlink:')))
    attrs.push(`xmlns:xlink="${NS.xlink}"`);
  // SVG's foreignObject holds HTML again.
  const inner: Space = space === 'svg' && node.tagName === 'foreignObject' ? 'html' : space;
  const open = `<${node.tagName}${attrs.length ? ` ${attrs.join(' ')}` : ''}`;
  const content = node.children.map((c) => toXhtml(c, inner)).join('');
  if (content === '' && (space !== 'html' || VOIDS.has(node.tagName))) return `${open}/>`;
  return `${open}>${content}</${node.tagName}>`;
}

function attributes(props: Properties, space: Space): string[] {
  const schema = space === 'svg' ? svg : html;
  const out: string[] = [];
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    const info = find(schema, key);
    let text: string;
    if (value === true) text = info.attribute;
    else if (Array.isArray(value)) text = value.join(info.commaSeparated ? ', ' : ' ');
    else text = String(value);
    out.push(`${info.attribute}="${escapeAttribute(text)}"`);
  }
  return out;
}
