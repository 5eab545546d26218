/**
 * kramdown's GFM parser has no autolink literals: `www.x.org` and `name@nhs.net` in text stay
 * text (only `<https://…>` links). remark-gfm links them, and inside a raw
 * `<a href="mailto:…">name@nhs.net</a>` that nests a second, empty-texted link; so every link
 * that is not written as a link in the source (`[…]`, `<…>`) is turned back into its text.
 * (`<mailto:…>` links show the address alone, as kramdown's do, and character references in
 * `<…>` links are read as the characters they name, where CommonMark keeps them literal.)
 */
import type { Parent, PhrasingContent, Root } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { pushAll } from '../arrays.js';

export default function remarkLiteralAutolinks() {
  return (tree: Root, file: { value?: unknown }): void => {
    const source = String(file.value ?? '');
    unlink(tree, source);
  };
}

function unlink(node: Parent, source: string): void {
  let changed = false;
  const out: PhrasingContent[] = [];
  for (const child of node.children as PhrasingContent[]) {
    if (child.type === 'link' && isLiteral(child, source)) {
      changed = true;
      pushAll(out, child.children);
      continue;
    }
    if (child.type === 'link') {
      mailtoText(child, source);
      autolinkReferences(child, source);
    }
    if ('children' in child) unlink(child, source);
    out.push(child);
  }
  const merged = changed ? merge(out) : out;
  const linked = merged.flatMap((n) =>
    n.type === 'text' && n.value.includes('@') ? unicodeEmails(n) : [n],
  );
  if (changed || linked.length !== merged.length) node.children = linked as typeof node.children;
}

function isLiteral(link: PhrasingContent, source: string): boolean {
  const at = link.position?.start.offset;
  if (at === undefined) return false;
  const c = source[at];
  return c !== '[' && c !== '<' && c !== '!';
}

/** Adjacent text nodes joined again, as the parser would have left them. */
function merge(nodes: PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const n of nodes) {
    const last = out.at(-1);
    if (n.type === 'text' && last?.type === 'text') {
      out[out.length - 1] = {
        type: 'text',
        value: last.value + n.value,
        position:
          last.position && n.position
            ? { start: last.position.start, end: n.position.end }
            : undefined,
      };
    } else out.push(n);
  }
  return out;
}

/** kramdown shows `<mailto:name@nhs.net>` as the address alone. */
function mailtoText(link: PhrasingContent & { type: 'link' }, source: string): void {
  const at = link.position?.start.offset;
  const only = link.children.length === 1 ? link.children[0] : undefined;
  if (at === undefined || only?.type !== 'text' || !source.startsWith('<mailto:', at)) return;
  only.value = only.value.replace(/^mailto:/i, '');
}

/** `<http://x/?a&amp;b>`: kramdown decodes the references of an autolink, text and target. */
function autolinkReferences(link: PhrasingContent & { type: 'link' }, source: string): void {
  const at = link.position?.start.offset;
  const only = link.children.length === 1 ? link.children[0] : undefined;
  if (at === undefined || source[at] !== '<' || only?.type !== 'text') return;
  if (!only.value.includes('&')) return;
  only.value = decodeReferences(only.value);
  link.url = decodeReferences(link.url);
}

function decodeReferences(text: string): string {
  return toText(fromHtml(text.replace(/</g, '&lt;'), { fragment: true }));
}

// kramdown's email autolink (parser/kramdown/autolink.rb): letters of any script, where
// CommonMark's is ASCII only and leaves `<übung@x.de>` as text.
const UNICODE_EMAIL = /<([-.\p{L}\p{N}_]+@[-\p{L}\p{N}_]+(?:\.[-\p{L}\p{N}_]+)*\.[a-z]+)>/gu;

function unicodeEmails(node: PhrasingContent & { type: 'text' }): PhrasingContent[] {
  const text = node.value;
  const out: PhrasingContent[] = [];
  let from = 0;
  for (const m of text.matchAll(UNICODE_EMAIL)) {
    const address = m[1] ?? '';
    if (m.index > from) out.push({ type: 'text', value: text.slice(from, m.index) });
    out.push({
      type: 'link',
      url: `mailto:${address}`,
      children: [{ type: 'text', value: address }],
    });
    from = m.index + m[0].length;
  }
  if (from === 0) return [node];
  if (from < text.length) out.push({ type: 'text', value: text.slice(from) });
  return out;
}
