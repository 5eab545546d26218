/**
 * kramdown's list paragraph rule (parser/kramdown/list.rb), which is per item where
 * CommonMark's is per list: an item's first paragraph is bare text (no `<p>`) unless a blank
 * line follows it inside the item; the last item of a list keeps its `<p>` only when every
 * item before it has one. Task items get a disabled checkbox, as kramdown's GFM parser
 * renders them. Used as remark-rehype's `listItem` handler.
 */
import type { Element, ElementContent } from 'hast';
import type { List, ListItem, Parents, Root } from 'mdast';
import type { defaultHandlers } from 'remark-rehype';
import { visit } from 'unist-util-visit';

type State = Parameters<(typeof defaultHandlers)['listItem']>[0];

/** Which items of a list start with bare text, from the list's source lines. */
export function markBareItems(list: List, lines: readonly string[]): void {
  const items = list.children;
  let anyBareBefore = false;
  items.forEach((item, k) => {
    const isLast = k === items.length - 1;
    const bare =
      opensBare(item, items[k + 1], isLast, lines) &&
      (!isLast || items.length === 1 || anyBareBefore);
    if (bare || item.children[0]?.type !== 'paragraph') anyBareBefore = true;
    (item.data ??= {}) as object;
    (item.data as { kramdownBare?: boolean }).kramdownBare = bare;
  });
}

function opensBare(
  item: ListItem,
  next: ListItem | undefined,
  isLast: boolean,
  lines: readonly string[],
): boolean {
  const [first, second] = item.children;
  if (first?.type !== 'paragraph' || !first.position) return false;
  const from = first.position.end.line; // 1-based: lines[from] is the line after it
  if (second?.position) return !blankBetween(lines, from, second.position.start.line - 1);
  if (isLast) return true;
  const until = next?.position ? next.position.start.line - 1 : from;
  return !blankBetween(lines, from, until);
}

/** Whether any of the 1-based lines from+1 … until is blank. */
function blankBetween(lines: readonly string[], from: number, until: number): boolean {
  for (let l = from + 1; l <= until; l++) if ((lines[l - 1] ?? '').trim() === '') return true;
  return false;
}

export function listItemHandler(state: State, node: ListItem, _parent?: Parents): Element {
  const children = state.all(node);
  const bare = (node.data as { kramdownBare?: boolean } | undefined)?.kramdownBare === true;
  const task = typeof node.checked === 'boolean';
  if (task) {
    const box: Element = {
      type: 'element',
      tagName: 'input',
      properties: {
        type: 'checkbox',
        className: ['task-list-item-checkbox'],
        disabled: true,
        checked: node.checked === true,
        // The item's own text names the box (a reader hears "checkbox, checked: Agree dates").
        ariaLabel: plainText(node.children[0]) || (node.checked ? 'done' : 'to do'),
      },
      children: [],
    };
    const head = children[0];
    if (head?.type === 'element' && head.tagName === 'p') head.children.unshift(box, text(' '));
    else children.unshift(box, text(' '));
  }
  const head = children[0];
  const content: ElementContent[] =
    bare && head?.type === 'element' && head.tagName === 'p'
      ? [...head.children, ...children.slice(1)]
      : children;
  const result: Element = {
    type: 'element',
    tagName: 'li',
    properties: task ? { className: ['task-list-item'] } : {},
    children: bare ? content : state.wrap(content, true),
  };
  state.patch(node, result);
  return state.applyData(node, result);
}

function plainText(node: unknown): string {
  if (!node || typeof node !== 'object') return '';
  const n = node as { value?: unknown; children?: unknown[] };
  if (typeof n.value === 'string') return n.value;
  return (n.children ?? []).map(plainText).join('').replace(/\s+/g, ' ').trim();
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

/** Marks every list of the tree with kramdown's per-item paragraph rule. */
export function remarkListItems() {
  return (tree: Root, file: { value?: unknown }): void => {
    const lines = String(file.value ?? '').split('\n');
    visit(tree, 'list', (list) => {
      markBareItems(list, lines);
    });
  };
}
