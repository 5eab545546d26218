/**
 * What the differential tier compares between a page as Jekyll renders it and the handbook's
 * chapter: the visible words in order, the heading texts, the list/table/emphasis structure and
 * the external link targets. Levels, ids and in-document link targets are the handbook's own.
 */
import type { Element, Root, RootContent } from 'hast';

export interface Rendered {
  words: string[];
  headings: string[];
  structure: string[];
  links: string[];
}

const BLOCK = new Set(
  'address article aside blockquote br dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);
const STRUCTURE = new Set('ul ol li table th td dl dt dd em strong code pre blockquote'.split(' '));
const SKIP = new Set(['script', 'style', 'template', 'noscript']);

/** Options: the site's own address (links to it are in-document targets, the handbook's own). */
export interface RenderOptions {
  siteUrl?: string;
  /** Jekyll's side: markup a site include printed as text where the handbook renders it. */
  markupAsText?: boolean;
  /** Classes of the site's own component includes (their markup is the handbook's to choose). */
  componentClasses?: ReadonlySet<string>;
}

/**
 * On purpose: the handbook's component templates (steps, inset, care card, button, action link)
 * replace the site's; inside them only the words count. Hidden text (visually hidden labels,
 * aria-hidden step numbers) is no visible text on either side.
 */
const COMPONENT = /^(hb-(steps?|inset|card|carecard|care-card|button|action-link)|rouge-table)$/;
/** Hidden text, and the line-number gutter of `highlight linenos` (the handbook's own numbers). */
const HIDDEN = /((^|-)(visually-hidden|sr-only)|^gutter|^lineno)$/;

function hidden(node: Element): boolean {
  return classes(node).some((c) => HIDDEN.test(c)) || String(node.properties.ariaHidden) === 'true';
}

function classes(node: Element): string[] {
  const c: unknown = node.properties.className;
  if (Array.isArray(c)) return c.map(String);
  return typeof c === 'string' ? c.split(/\s+/) : [];
}

export function rendered(root: Root | Element, options: RenderOptions = {}): Rendered {
  const out: Rendered = { words: [], headings: [], structure: [], links: [] };
  let inComponent = 0;
  let inCode = 0;
  let text = '';
  const flush = (): void => {
    out.words.push(...text.split(/\s+/).filter(Boolean));
    text = '';
  };
  const visit = (node: RootContent | Root): void => {
    if (node.type === 'text') {
      text +=
        options.markupAsText && inCode === 0
          ? node.value.replace(/<\/?[a-z][a-z0-9]*(\s[^<>]*)?>/gi, ' ')
          : node.value;
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    let component = false;
    if (node.type === 'element') {
      if (SKIP.has(node.tagName)) return;
      if (hidden(node)) return;
      component = classes(node).some(
        (c) => COMPONENT.test(c) || options.componentClasses?.has(c) === true,
      );
      if (component) inComponent++;
      if (node.tagName === 'code' || node.tagName === 'pre') inCode++;
      if (BLOCK.has(node.tagName)) text += ' ';
      if (STRUCTURE.has(node.tagName) && inComponent === 0) out.structure.push(node.tagName);
      if (/^h[1-6]$/.test(node.tagName)) out.headings.push(plain(node));
      const href = node.tagName === 'a' ? node.properties.href : undefined;
      if (
        typeof href === 'string' &&
        /^(https?:|mailto:)/i.test(href) &&
        !(options.siteUrl && href.startsWith(options.siteUrl))
      )
        out.links.push(href);
    }
    for (const child of node.children) visit(child);
    if (node.type === 'element') {
      if (BLOCK.has(node.tagName)) text += ' ';
      if (component) inComponent--;
      if (node.tagName === 'code' || node.tagName === 'pre') inCode--;
    }
  };
  visit(root);
  flush();
  return out;
}

function plain(node: Element): string {
  let s = '';
  const walk = (n: RootContent | Element): void => {
    if (n.type === 'text') s += n.value;
    else if (n.type === 'element' && !hidden(n)) n.children.forEach(walk);
  };
  walk(node);
  return s.replace(/\s+/g, ' ').trim();
}

/** Words in common (longest common subsequence) over the longer of the two. */
export function identity(a: string[], b: string[]): { same: number; total: number } {
  const total = Math.max(a.length, b.length);
  if (total === 0) return { same: 0, total: 0 };
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++)
      cur[j] =
        a[i - 1] === b[j - 1] ? (prev[j - 1] ?? 0) + 1 : Math.max(prev[j] ?? 0, cur[j - 1] ?? 0);
    [prev, cur] = [cur, prev];
  }
  return { same: prev[b.length] ?? 0, total };
}

/** Index of the first difference of two sequences, or -1. */
export function firstDifference(a: string[], b: string[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}
