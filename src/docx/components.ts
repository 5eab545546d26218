/**
 * The handbook's components (hb- classes, see docs/ARCHITECTURE.md) as Word paragraphs.
 *
 * Screen-reader labels: the transform decides once whether a box's label is kept, shown or
 * dropped (src/transform, see docs/ARCHITECTURE.md), and this renderer only reads the result.
 * Word has no "visually hidden" text, and the shading and border of a box are invisible to a
 * screen reader, so a label the tree keeps (span[data-hb-label="hidden"], or "shown") is
 * printed as a bold lead-in ("Important: Please note", "Recommendation: Keep a copy …"); no
 * label span, no lead-in. The label is never compared with the text here.
 */
import {
  ExternalHyperlink,
  InternalHyperlink,
  Paragraph,
  TextRun,
  type FileChild,
  type ParagraphChild,
} from 'docx';
import type { Element, ElementContent } from 'hast';
import type { BlockEnv, RenderContext } from './context.js';
import { idsIn, renderBlocks } from './blocks.js';
import { HEADING, collapse, findDescendant, hasClass, isElement, prop, textOf } from './hast.js';
import { collectInline, safeDecode, tidy, toRuns } from './inline.js';
import { NUM } from './numbering.js';
import { bookmarked, makeParagraph } from './paragraph.js';
import { CARD_INDENT, INSET_INDENT, S } from './styles.js';
import { pushAll } from '../arrays.js';

/** A label span of the tree: data-hb-label="hidden"|"shown", or the bare hidden span of older trees. */
function isLabelSpan(node: ElementContent): node is Element {
  if (!isElement(node)) return false;
  const flag = node.properties?.dataHbLabel;
  if (flag === 'hidden' || flag === 'shown') return true;
  return flag === undefined && hasClass(node, 'hb-visually-hidden');
}

/** The label the tree kept among `nodes` (direct children only, never the box's content). */
export function treeLabel(nodes: ElementContent[]): string | undefined {
  const span = nodes.find(isLabelSpan);
  const text = span ? collapse(textOf(span, true)) : '';
  return text || undefined;
}

/**
 * The outline level (0-based) of a component's heading (step title, card heading): the tree's
 * heading level, so the Navigation Pane and screen readers list it under its section. These
 * are not Heading styles and not in ctx.toc, so the contents does not list them.
 */
export function outlineLevelOf(heading: Element): number {
  return Number(HEADING.exec(heading.tagName)?.[1] ?? 3) - 1;
}

/** Children of the part with class `cls`, or the element's other children when it has none. */
function partChildren(
  el: Element,
  cls: string,
  exclude: (e: ElementContent) => boolean,
): ElementContent[] {
  const part = findDescendant(el, (e) => hasClass(e, cls));
  return part ? part.children : el.children.filter((c) => !exclude(c));
}

export function renderCard(el: Element, ctx: RenderContext, env: BlockEnv): FileChild[] {
  const heading = findDescendant(el, (e) => hasClass(e, 'hb-card__heading'));
  const headingText = heading ? collapse(textOf(heading)) : undefined;
  const label = treeLabel(heading?.children ?? []) ?? treeLabel(el.children);
  const out: FileChild[] = [];
  const inner: BlockEnv = {
    listDepth: env.listDepth,
    style: S.card,
    keepTogether: true,
    boxIndent: CARD_INDENT,
  };
  if (heading && headingText) {
    const runs: ParagraphChild[] = [
      ...(label ? [new TextRun({ text: `${label.replace(/\s*$/, '')} ` })] : []),
      ...toRuns(tidy(collectInline(heading.children, ctx)), ctx),
    ];
    out.push(
      new Paragraph({
        style: S.cardHeading,
        keepNext: true,
        keepLines: true,
        outlineLevel: outlineLevelOf(heading),
        children: bookmarked(runs, [...ctx.pendingIds.splice(0), ...idsIn([heading])], ctx),
      }),
    );
  } else if (label) {
    inner.leadIn = { text: label, used: false };
  }
  const content = partChildren(el, 'hb-card__content', (c) => c === heading || isLabelSpan(c));
  pushAll(out, renderBlocks(content, ctx, inner));
  return out;
}

export function renderInset(el: Element, ctx: RenderContext, env: BlockEnv): FileChild[] {
  const label = treeLabel(el.children);
  const inner: BlockEnv = {
    listDepth: env.listDepth,
    style: S.inset,
    keepTogether: true,
    boxIndent: INSET_INDENT,
    leadIn: label ? { text: label, used: false } : undefined,
  };
  const content = partChildren(el, 'hb-inset__content', isLabelSpan);
  return renderBlocks(content, ctx, inner);
}

/** Steps: a numbered sequence of titled items ("1. Decision to migrate"), content below. */
export function renderSteps(el: Element, ctx: RenderContext, env: BlockEnv): FileChild[] {
  const instance = ctx.numbering.instance();
  const out: FileChild[] = [];
  for (const li of el.children) {
    if (!isElement(li)) continue;
    const title = findDescendant(li, (e) => hasClass(e, 'hb-step__title'));
    const subtitle = findDescendant(li, (e) => hasClass(e, 'hb-step__subtitle'));
    const numbering = { reference: NUM.steps, level: 0, instance, custom: true };
    const titleP = makeParagraph(collectInline(title?.children ?? [], ctx), ctx, env, {
      style: S.stepTitle,
      numbering,
      keepNext: true,
      noIndent: true,
      ids: idsIn(title ? [title] : []),
      outlineLevel: title ? outlineLevelOf(title) : undefined,
    });
    if (titleP) out.push(titleP);
    if (subtitle) {
      const p = makeParagraph(collectInline(subtitle.children, ctx), ctx, env, {
        style: S.stepSubtitle,
        keepNext: true,
        noIndent: true,
      });
      if (p) out.push(p);
    }
    const content = partChildren(li, 'hb-step__content', (c) => c === title || c === subtitle);
    out.push(
      ...renderBlocks(content, ctx, { ...env, style: env.style ?? S.stepText, listDepth: 1 }),
    );
  }
  return out;
}

/** Button / action link: a paragraph with the link and, for paper copies, its URL. */
export function renderAction(el: Element, ctx: RenderContext, env: BlockEnv): FileChild[] {
  const a = findDescendant(el, (e) => e.tagName === 'a');
  const href = a ? prop(a, 'href') : undefined;
  if (!a || !href) return renderBlocks([{ ...el, properties: {}, tagName: 'p' }], ctx, env);
  const label = toRuns(tidy(collectInline(a.children, ctx)), ctx, S.hyperlink);
  if (href.startsWith('#')) {
    const anchor = ctx.bookmarks.get(safeDecode(href.slice(1)));
    if (!anchor)
      ctx.report(
        'docx-dead-link',
        `action link ${href} has no target in the Word handbook; the text is kept without a link`,
      );
    const children = anchor ? [new InternalHyperlink({ anchor, children: label })] : label;
    return [new Paragraph({ style: S.action, children })];
  }
  return [
    new Paragraph({
      style: S.action,
      children: [
        new ExternalHyperlink({ link: href, children: label }),
        new TextRun({ break: 1 }),
        new ExternalHyperlink({
          link: href,
          children: [new TextRun({ text: href, style: S.hyperlink, bold: false })],
        }),
      ],
    }),
  ];
}

/** The appendix list: every entry numbered, its link, note and full URL; no-link entries too. */
export function renderReferences(el: Element, ctx: RenderContext, env: BlockEnv): FileChild[] {
  const instance = ctx.numbering.instance();
  const out: FileChild[] = [];
  for (const li of el.children) {
    if (!isElement(li, 'li')) continue;
    const p = makeParagraph(collectInline(li.children, ctx), ctx, env, {
      style: S.reference,
      numbering: { reference: NUM.references, level: 0, instance, custom: true },
      ids: idsIn([li]),
      noIndent: true,
    });
    if (p) out.push(p);
  }
  return out;
}
