/**
 * Bulleted and numbered lists, nested by level. Each `ol` takes a new numbering instance so
 * it starts at 1; an item's first paragraph carries the bullet/number, and any further
 * paragraphs of the item are indented to the item's text without one.
 */
import type { FileChild } from 'docx';
import type { Element, ElementContent } from 'hast';
import type { BlockEnv, RenderContext } from './context.js';
import { idsIn, renderBlocks } from './blocks.js';
import { isElement, isInline } from './hast.js';
import { collectInline, type Inline } from './inline.js';
import { NUM } from './numbering.js';
import { makeParagraph } from './paragraph.js';
import { LIST_INDENT, S } from './styles.js';
import { pushAll } from '../arrays.js';

interface Numbering {
  reference: string;
  level: number;
  instance?: number;
  custom: boolean;
}

/** Word offers nine list levels; deeper lists stay at the last one. */
const MAX_LEVEL = 8;

export function renderList(el: Element, ctx: RenderContext, env: BlockEnv): FileChild[] {
  const level = Math.min(env.listDepth, MAX_LEVEL);
  const numbering: Numbering =
    el.tagName === 'ol'
      ? { reference: NUM.decimal, level, instance: ctx.numbering.instance(), custom: true }
      : { reference: NUM.bullet, level, custom: true };
  const out: FileChild[] = [];
  for (const li of el.children) {
    if (isElement(li, 'li')) pushAll(out, renderItem(li, ctx, env, numbering));
  }
  return out;
}

function renderItem(
  li: Element,
  ctx: RenderContext,
  env: BlockEnv,
  numbering: Numbering,
): FileChild[] {
  const out: FileChild[] = [];
  const inner: BlockEnv = {
    ...env,
    indent: LIST_INDENT * (numbering.level + 1),
    listDepth: numbering.level + 1,
  };
  const liId = typeof li.properties?.id === 'string' ? [li.properties.id] : [];
  let numbered = false;
  let run: ElementContent[] = [];
  // The item's first paragraph gets the number; later ones are continuation paragraphs.
  const paragraph = (inlines: Inline[], ids: string[]) => {
    const p = numbered
      ? makeParagraph(inlines, ctx, inner, { ids })
      : makeParagraph(inlines, ctx, env, {
          numbering,
          ids: [...liId, ...ids],
          noIndent: true,
          style: env.style ?? S.listParagraph,
        });
    if (p) {
      out.push(p);
      numbered = true;
    }
  };
  const flush = () => {
    if (run.length) paragraph(collectInline(run, ctx), idsIn(run));
    run = [];
  };
  for (const child of li.children) {
    if (child.type === 'comment') continue;
    if (isInline(child)) {
      run.push(child);
      continue;
    }
    flush();
    if (!isElement(child)) continue;
    if (child.tagName === 'p') paragraph(collectInline(child.children, ctx), idsIn([child]));
    else if (child.tagName === 'ul' || child.tagName === 'ol')
      pushAll(out, renderList(child, ctx, inner));
    else pushAll(out, renderBlocks([child], ctx, inner));
  }
  flush();
  return out;
}
