/**
 * What the sanitiser will remove, found before it runs, so that each removal can be
 * reported. hast-util-sanitize removes silently; here every element is put through the same
 * schema on its own (without children) and the difference is the removal. The checks the
 * schema cannot express (protocol-relative URLs, data: URL types, `url()` in values, SVG
 * inside data: URLs) are applied here, in place. Iterative: no depth limit on the stack.
 */
import type { Element, Nodes, Parent, Properties } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { DATA_IMAGE, HANDBOOK_SCHEMA } from './sanitize-schema.js';
import { pushAll } from '../arrays.js';

export interface Removal {
  node: Element;
  /** What the website would show or do, and that the handbook will not. */
  message: string;
  /** Text to find the source line by, most specific first. */
  needles: string[];
  /** Less specific text, tried after the node's position. */
  fallback: string[];
  hint?: string;
}

const STRIP = new Set(HANDBOOK_SCHEMA.strip ?? []);
const ALLOWED = new Set(HANDBOOK_SCHEMA.tagNames ?? []);
/** Values that load something even in an allowed attribute. */
const FETCHING_VALUE = /url\s*\(\s*(?!['"]?\s*#)|@import|expression\s*\(/i;
/** Text for people, never fetched. */
const PROSE = new Set(['alt', 'title', 'ariaLabel', 'ariaRoleDescription']);
/** `//host/x`, `\\host\x`, `/\host`: another host, whatever the scheme of the page. */
const OTHER_HOST = /^\s*[\\/][\\/]/;

/** HTML attribute name of a hast property name (for messages and locating the source). */
export function attributeName(key: string): string {
  if (key === 'className') return 'class';
  if (key === 'htmlFor') return 'for';
  if (key.startsWith('xLink')) return `xlink:${key.slice(5).toLowerCase()}`;
  const m = /^(aria|data)([A-Z].*)$/.exec(key);
  if (m?.[1] && m[2])
    return `${m[1]}-${m[2].replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`).slice(1)}`;
  return key.toLowerCase();
}

/**
 * Finds every removal under `root`, applies the extra checks in place and returns the
 * removals in document order. `svg` sanitises an SVG document given as text (for data: URLs).
 */
export function screen(root: Parent, svg: (text: string) => SvgResult): Removal[] {
  const out: Removal[] = [];
  const stack: { node: Nodes; parent: Parent }[] = [...root.children]
    .reverse()
    .map((node) => ({ node, parent: root }));
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    if (node.type !== 'element') continue;
    if (notACheckbox(node)) {
      // The schema would turn it into a checkbox: it goes, with nothing in its place.
      out.push(elementRemoval(node));
      parent.children = parent.children.filter((c) => c !== node);
      continue;
    }
    if (!ALLOWED.has(node.tagName)) {
      out.push(elementRemoval(node));
      if (STRIP.has(node.tagName)) continue;
    } else {
      extraChecks(node, out, svg);
      pushAll(out, attributeRemovals(node));
    }
    for (let i = node.children.length - 1; i >= 0; i--)
      stack.push({ node: node.children[i]!, parent: node });
  }
  return out;
}

export interface SvgResult {
  text: string;
  removed: string[];
}

function notACheckbox(node: Element): boolean {
  return (
    node.tagName === 'input' && String(node.properties.type ?? '').toLowerCase() !== 'checkbox'
  );
}

function elementRemoval(node: Element): Removal {
  const tag = node.tagName;
  const gone = STRIP.has(tag) || tag === 'input';
  const rest = gone ? 'the handbook leaves it out' : 'the handbook keeps only its text';
  return {
    node,
    needles: [`<${tag}`],
    fallback: [],
    message: `<${tag}> removed: ${websiteDoes(tag)}; ${rest}`,
  };
}

function websiteDoes(tag: string): string {
  if (tag === 'script' || tag === 'noscript') return 'the website would run a script';
  if (['iframe', 'object', 'embed', 'frame', 'frameset', 'applet', 'portal'].includes(tag))
    return 'the website would show embedded content';
  if (['meta', 'base', 'link'].includes(tag)) return 'the website would load or follow it';
  if (tag === 'style') return 'the website would apply its styles';
  if (['form', 'input', 'button', 'select', 'textarea', 'option', 'datalist'].includes(tag))
    return 'the website would show a form control';
  return 'the website would show it';
}

/** Attributes the schema drops, by sanitising the element alone. */
function attributeRemovals(node: Element): Removal[] {
  const shallow = sanitize(
    { type: 'element', tagName: node.tagName, properties: node.properties, children: [] },
    HANDBOOK_SCHEMA,
  );
  const kept: Properties = shallow.type === 'element' ? shallow.properties : {};
  const out: Removal[] = [];
  for (const [key, value] of Object.entries(node.properties)) {
    if (value === undefined || value === null || same(kept[key], value)) continue;
    out.push(attributeRemoval(node, key, value));
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return Array.isArray(a) && Array.isArray(b) ? a.join(' ') === b.join(' ') : a === b;
}

function attributeRemoval(node: Element, key: string, value: unknown): Removal {
  const name = attributeName(key);
  const text = Array.isArray(value) ? value.join(' ') : String(value);
  const short = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  const needles = [text, safeDecode(text)].filter((n) => n.length > 2 && n !== 'true');
  const on = `on <${node.tagName}>`;
  let message: string;
  if (name.startsWith('on'))
    message = `${name}="${short}" ${on} removed: the website would run it as a script`;
  else if (key === 'href' || key === 'xLinkHref') {
    message = `link to ${short} removed (links may go to https:, http:, mailto:, tel: or #anchors): the website would follow it; the handbook shows its text`;
    return { node, message, needles, fallback: [`${name}=`], hint: LINK_HINT };
  } else if (key === 'src' && node.tagName === 'img') {
    return {
      node,
      message: imageMessage(text, short),
      needles,
      fallback: ['src='],
      hint: IMAGE_HINT,
    };
  } else if (name === 'style')
    message = `style attribute ${on} removed: the website would apply it; the handbook uses its own styles`;
  else message = `attribute ${name}="${short}" ${on} removed: the handbook does not carry it`;
  return { node, message, needles, fallback: [`${name}=`] };
}

const LINK_HINT = 'link to an https:// address, a page of the guide or an #anchor';
const IMAGE_HINT =
  'save the image (PNG, JPEG, GIF, WebP or SVG) in the source folder, e.g. assets/, and use that path';

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

function imageMessage(src: string, short: string): string {
  if (/^(https?:)?\/\//i.test(src))
    return `remote image ${short} not embedded: the website loads it from the network; the handbook shows its alt text`;
  return `image source ${short} removed (images come from the source tree or are data:image/png, jpeg, gif, webp or svg+xml): the handbook shows its alt text`;
}

/** URLs to another host, data: URLs of other types, SVG inside data: URLs, fetching values. */
function extraChecks(node: Element, out: Removal[], svg: (text: string) => SvgResult): void {
  for (const [key, value] of Object.entries(node.properties)) {
    if (typeof value !== 'string') continue;
    const urlish = key === 'href' || key === 'src' || key === 'xLinkHref';
    if ((urlish && OTHER_HOST.test(value)) || (!PROSE.has(key) && FETCHING_VALUE.test(value))) {
      out.push(attributeRemoval(node, key, value));
      delete node.properties[key];
      continue;
    }
    if (key === 'src' && /^\s*data:/i.test(value)) {
      if (!DATA_IMAGE.test(value.trim())) {
        out.push(attributeRemoval(node, key, value));
        delete node.properties[key];
      } else if (/^data:image\/svg\+xml/i.test(value.trim())) {
        cleanSvgDataUrl(node, value.trim(), out, svg);
      }
    }
  }
}

function cleanSvgDataUrl(
  node: Element,
  url: string,
  out: Removal[],
  svg: (text: string) => SvgResult,
): void {
  const text = decodeDataUrl(url);
  if (text === undefined) {
    out.push({
      node,
      message: 'SVG image removed: it cannot be decoded; the handbook shows its alt text',
      needles: [url.slice(0, 40)],
      fallback: [],
    });
    delete node.properties.src;
    return;
  }
  const clean = svg(text);
  for (const what of clean.removed) {
    out.push({
      node,
      message: `in an SVG image: ${what}`,
      needles: [url.slice(0, 40)],
      fallback: [],
    });
  }
  node.properties.src = `data:image/svg+xml;base64,${Buffer.from(clean.text, 'utf8').toString('base64')}`;
}

function decodeDataUrl(url: string): string | undefined {
  const comma = url.indexOf(',');
  if (comma < 0) return undefined;
  const head = url.slice(0, comma);
  const payload = url.slice(comma + 1);
  try {
    return /;base64$/i.test(head)
      ? Buffer.from(payload, 'base64').toString('utf8')
      : decodeURIComponent(payload);
  } catch {
    return undefined;
  }
}
