/**
 * Components in the handbook tree use the `hb-` markup of docs/ARCHITECTURE.md. The
 * toolchain's own include templates produce it directly; when the site's NHS.UK partials
 * were used instead (care card, inset text, steps, button, action link), their markup is
 * rewritten here to the same shape, so the renderers only ever see one form.
 */
import type { Element, ElementContent, Parent, Root } from 'hast';
import {
  classList,
  collapse,
  el,
  find,
  hasClass,
  headingRank,
  isElement,
  trimmed,
  txt,
  visibleText,
} from './hast.js';
import { decideLabels, labelElement } from './labels.js';

export function normaliseComponents(root: Root): void {
  rewrite(root);
  decideLabels(root);
}

function rewrite(parent: Parent): void {
  parent.children = (parent.children as ElementContent[]).flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child];
    const replaced = replace(child, parent);
    for (const node of replaced) if (node.type === 'element') rewrite(node);
    return replaced;
  }) as typeof parent.children;
}

function replace(node: Element, parent: Parent): ElementContent[] {
  if (hasClass(node, 'nhsuk-card--care')) return [careCard(node)];
  if (hasClass(node, 'nhsuk-inset-text')) return [inset(node)];
  if (hasClass(node, 'app-steps')) return [steps(node)];
  if (hasClass(node, 'nhsuk-action-link')) return [actionFrom(node)];
  if (isElement(node, 'a') && hasClass(node, 'nhsuk-button')) {
    // At block level a button becomes the action paragraph; inside running text, a link.
    return parent.type === 'root' ? [actionFrom(node)] : [plainLink(node)];
  }
  if (isElement(node, 'p') && trimmed(node.children).length === 1) {
    // A button alone in a paragraph.
    const only = trimmed(node.children)[0];
    if (isElement(only, 'a') && hasClass(only, 'nhsuk-button')) return [actionFrom(only)];
  }
  if (isElement(node, 'svg') && node.properties.ariaHidden !== undefined) return [];
  if (hasClass(node, 'nhsuk-u-visually-hidden')) node.properties.className = ['hb-visually-hidden'];
  if (hasClass(node, 'hb-inset') && node.properties.role === undefined && node.tagName === 'div')
    node.properties.role = 'note';
  return [node];
}

/** Visually hidden label text ("Important: ") and the heading's own text. */
function labelAndText(heading: Element): { label: string; text: string } {
  const hidden = find(
    heading,
    (e) => hasClass(e, 'nhsuk-u-visually-hidden') || hasClass(e, 'hb-visually-hidden'),
  );
  const label = hidden ? collapse(visibleTextAll(hidden)) : '';
  return { label, text: collapse(visibleText(heading)) };
}

function visibleTextAll(node: Element): string {
  return node.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? visibleTextAll(c) : ''))
    .join('');
}

/** The label as found; whether it stays is decided once, for every box, in labels.ts. */
function labelSpan(label: string): ElementContent[] {
  const bare = label.replace(/:\s*$/, '').trim();
  return bare ? [labelElement(bare, 'hidden')] : [];
}

function careCard(node: Element): Element {
  const heading = find(node, (e) => headingRank(e) !== undefined);
  const content = find(node, (e) => hasClass(e, 'nhsuk-card__content'));
  const children: ElementContent[] = [];
  if (heading) {
    const { label, text } = labelAndText(heading);
    children.push(
      el(heading.tagName, { className: ['hb-card__heading'] }, [...labelSpan(label), txt(text)]),
    );
  }
  children.push(el('div', { className: ['hb-card__content'] }, trimmed(content?.children ?? [])));
  return el('aside', { className: ['hb-card'] }, children);
}

function inset(node: Element): Element {
  const rest = trimmed(node.children);
  const first = rest[0];
  let label = '';
  if (isElement(first) && hasClass(first, 'nhsuk-u-visually-hidden')) {
    label = collapse(visibleTextAll(first));
    rest.shift();
  }
  return el('div', { className: ['hb-inset'], role: 'note' }, [
    ...labelSpan(label),
    el('div', { className: ['hb-inset__content'] }, trimmed(rest)),
  ]);
}

function steps(node: Element): Element {
  const items = node.children.filter((c): c is Element => isElement(c, 'li'));
  return el('ol', { className: ['hb-steps'] }, items.map(step));
}

function step(li: Element): Element {
  const heading = find(li, (e) => headingRank(e) !== undefined);
  const subtitle = find(li, (e) => hasClass(e, 'app-step__subtitle'));
  const content = find(li, (e) => hasClass(e, 'app-step__content'));
  const out: ElementContent[] = [];
  if (heading)
    out.push(el(heading.tagName, { className: ['hb-step__title'] }, trimmed(heading.children)));
  if (subtitle) out.push(el('p', { className: ['hb-step__subtitle'] }, trimmed(subtitle.children)));
  out.push(el('div', { className: ['hb-step__content'] }, trimmed(content?.children ?? [])));
  return el('li', { className: ['hb-step'] }, out);
}

function actionFrom(node: Element): Element {
  const link = isElement(node, 'a') ? node : find(node, (e) => e.tagName === 'a');
  return el('p', { className: ['hb-action'] }, link ? [plainLink(link)] : []);
}

/** A call-to-action link as a plain link: its visible text, its address, nothing else. */
function plainLink(link: Element): Element {
  const textEl = find(link, (e) => classList(e).some((c) => c.endsWith('__text')));
  const text = collapse(visibleText(textEl ?? link));
  const props: Element['properties'] = {};
  if (link.properties.href !== undefined) props.href = link.properties.href;
  return el('a', props, [txt(text)]);
}
