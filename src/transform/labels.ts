/**
 * The one label rule. Care cards and insets carry a screen-reader label ("Important",
 * "Recommendation", "Lesson learnt") that the site hides from sight. The transform decides
 * here, once, what happens to it, and every renderer follows the tree (docs/ARCHITECTURE.md):
 *
 * - dropped: the heading, or the content's first words, already say it ("Lesson learnt -
 *   Request early" under the label "Lesson learnt"): a reader would hear it twice, and Word,
 *   which prints the label, would show "Lesson learnt: Lesson learnt - …". The span goes.
 * - hidden: otherwise. The span is `span.hb-visually-hidden.hb-label[data-hb-label=hidden]`
 *   with the text "Label: ", first in the heading (card) or first in the box (inset, or a
 *   card without heading).
 *
 * `data-hb-label="shown"` (visible lead-in text, no hb-visually-hidden) is the third value of
 * the representation; the site's markup never asks for it, so the transform never makes it.
 */
import type { Element, ElementContent, Parent, Root } from 'hast';
import { collapse, el, elements, find, hasClass, headingRank, txt, visibleText } from './hast.js';

export type LabelDecision = 'hidden' | 'shown';

/** Lower-case words, punctuation ignored: "Lesson learnt - X" → ["lesson", "learnt", "x"]. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Whether `text` begins with every word of `label`, in order. */
export function startsWithLabel(text: string, label: string): boolean {
  const l = words(label);
  const t = words(text);
  return l.length > 0 && l.length <= t.length && l.every((w, i) => t[i] === w);
}

export function labelElement(label: string, decision: LabelDecision): Element {
  const className = decision === 'hidden' ? ['hb-visually-hidden', 'hb-label'] : ['hb-label'];
  return el('span', { className, dataHbLabel: decision }, [txt(`${label}: `)]);
}

const isLabelSpan = (e: Element): boolean =>
  e.tagName === 'span' &&
  (hasClass(e, 'hb-visually-hidden') || hasClass(e, 'nhsuk-u-visually-hidden')) &&
  !hasClass(e, 'hb-note-ref');

/** The label's bare text ("Important" from "Important: "), or '' when there is none. */
function bare(span: Element): string {
  const all = (n: ElementContent): string =>
    n.type === 'text' ? n.value : n.type === 'element' ? n.children.map(all).join('') : '';
  return collapse(span.children.map(all).join('')).replace(/\s*:\s*$/, '');
}

/** Removes the first label span directly under `parent`, returning its text. */
function takeLabel(parent: Parent): string | undefined {
  const i = parent.children.findIndex((c) => c.type === 'element' && isLabelSpan(c));
  if (i < 0) return undefined;
  const [span] = parent.children.splice(i, 1) as Element[];
  return bare(span!);
}

/** The visible text the label would precede: the heading's, else the content's first words. */
function followingText(box: Element, heading: Element | undefined): string {
  if (heading) return visibleText(heading);
  const content = find(
    box,
    (e) => hasClass(e, 'hb-inset__content') || hasClass(e, 'hb-card__content'),
  );
  return visibleText(content ?? box);
}

function decide(box: Element): void {
  const heading = hasClass(box, 'hb-card')
    ? find(box, (e) => headingRank(e) !== undefined && hasClass(e, 'hb-card__heading'))
    : undefined;
  const holder: Parent = heading ?? box;
  const label = takeLabel(holder) ?? (heading ? takeLabel(box) : undefined);
  if (!label) return;
  const text = followingText(box, heading);
  if (startsWithLabel(text, label)) return;
  // A card's label reads before its heading text; an inset's before its content.
  holder.children.unshift(labelElement(label, 'hidden'));
}

/** Applies the label rule to every card and inset of `root` (after components are normalised). */
export function decideLabels(root: Root): void {
  for (const { node } of elements(root))
    if (hasClass(node, 'hb-card') || hasClass(node, 'hb-inset')) decide(node);
}
