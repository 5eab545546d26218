/**
 * kramdown's GFM parser has no autolink literals: `www.x.org` and `name@nhs.net` in text stay
 * text (only `<https://…>` links). remark-gfm links them, and inside a raw
 * `<a href="mailto:…">name@nhs.net</a>` that nests a second, empty-texted link; so every link
 * that is not written as a link in the source (`[…]`, `<…>`) is turned back into its text.
 * (`<mailto:…>` links show the address alone, as kramdown's do.)
 */
import type { Parent, PhrasingContent, Root } from 'mdast';
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
    if (child.type === 'link') mailtoText(child, source);
    if ('children' in child) unlink(child, source);
    out.push(child);
  }
  if (changed) node.children = merge(out) as typeof node.children;
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
