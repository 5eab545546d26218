/**
 * Block content: walks a chapter's hast body and returns docx paragraphs and tables.
 * Components (hb- classes) go to components.ts, tables to tables.ts.
 */
import { Paragraph, TextRun, type FileChild } from 'docx';
import type { Element, ElementContent, RootContent } from 'hast';
import type { BlockEnv, RenderContext } from './context.js';
import {
  renderCard,
  renderInset,
  renderAction,
  renderSteps,
  renderReferences,
} from './components.js';
import { HEADING, classes, hasClass, isElement, isInline, prop, textOf } from './hast.js';
import { collectInline, tidy, toRuns } from './inline.js';
import { bookmarked, makeParagraph } from './paragraph.js';
import { renderList } from './lists.js';
import { S } from './styles.js';
import { renderTable } from './tables.js';
import { pushAll } from '../arrays.js';

type Content = RootContent | ElementContent;

/** Ids on an element and its inline descendants: they become bookmarks on its paragraph. */
export function idsIn(nodes: Content[]): string[] {
  const ids: string[] = [];
  const walk = (n: Content) => {
    if (!isElement(n)) return;
    const id = prop(n, 'id');
    if (id) ids.push(id);
    n.children.forEach(walk);
  };
  nodes.forEach(walk);
  return ids;
}

/** A paragraph from inline nodes, with any ids in them bookmarked. */
export function inlineParagraph(
  nodes: ElementContent[],
  ctx: RenderContext,
  env: BlockEnv,
  style?: string,
): Paragraph | undefined {
  return makeParagraph(collectInline(nodes, ctx), ctx, env, {
    style,
    ids: [...ctx.pendingIds.splice(0), ...idsIn(nodes)],
  });
}

export function renderHeading(
  el: Element,
  ctx: RenderContext,
  env: BlockEnv,
): Paragraph | undefined {
  const level = Number(HEADING.exec(el.tagName)?.[1] ?? 2);
  const inlines = tidy(collectInline(el.children, ctx));
  if (inlines.length === 0) return undefined;
  const outlineFlag = el.properties?.dataHbOutline;
  const inOutline =
    outlineFlag !== 'false' &&
    outlineFlag !== false &&
    env.style === undefined &&
    env.listDepth === 0;
  if (!inOutline) {
    // Headings inside components stay in the component's box and out of the contents,
    // and keep their outline level for the Navigation Pane.
    return makeParagraph(
      inlines.map((i) => (i.t === 'text' ? { ...i, f: { ...i.f, bold: true } } : i)),
      ctx,
      env,
      { keepNext: true, outlineLevel: level - 1 },
    );
  }
  const id = prop(el, 'id');
  const bookmark = id ? ctx.bookmarks.get(id) : undefined;
  if (bookmark && level <= ctx.tocDepth)
    ctx.toc.push({ title: textOf(el).replace(/\s+/g, ' ').trim(), level, bookmark });
  return new Paragraph({
    style: S.heading(level),
    children: bookmarked(
      toRuns(inlines, ctx),
      [...ctx.pendingIds.splice(0), ...(id ? [id] : [])],
      ctx,
    ),
  });
}

function renderPre(el: Element, ctx: RenderContext, env: BlockEnv): Paragraph | undefined {
  const lines = textOf(el, true).replace(/\n$/, '').split('\n');
  if (lines.every((l) => l.trim() === '')) return undefined;
  const children = lines.flatMap((line, i) => [
    ...(i > 0 ? [new TextRun({ break: 1 })] : []),
    new TextRun({ text: line.replace(/\t/g, '    ') }),
  ]);
  return new Paragraph({
    style: S.code,
    children: bookmarked(children, ctx.pendingIds.splice(0), ctx),
    indent: env.indent ? { left: env.indent } : undefined,
  });
}

function renderDefinitionList(el: Element, ctx: RenderContext, env: BlockEnv): FileChild[] {
  const out: FileChild[] = [];
  for (const item of el.children) {
    if (!isElement(item)) continue;
    if (item.tagName === 'dt') {
      const p = makeParagraph(collectInline(item.children, ctx, { bold: true }), ctx, env, {
        keepNext: true,
        ids: idsIn([item]),
      });
      if (p) out.push(p);
    } else if (item.tagName === 'dd') {
      pushAll(out, renderBlocks(item.children, ctx, { ...env, indent: (env.indent ?? 0) + 567 }));
    }
  }
  return out;
}

/** One block element → docx blocks. */
function renderElement(el: Element, ctx: RenderContext, env: BlockEnv): FileChild[] {
  const tag = el.tagName;
  const cls = classes(el);
  const one = (p: FileChild | undefined) => (p ? [p] : []);
  if (HEADING.test(tag)) return one(renderHeading(el, ctx, env));
  if (cls.includes('hb-card')) return renderCard(el, ctx, env);
  if (cls.includes('hb-inset')) return renderInset(el, ctx, env);
  if (cls.includes('hb-steps')) return renderSteps(el, ctx, env);
  if (cls.includes('hb-references')) return renderReferences(el, ctx, env);
  if (cls.includes('hb-action')) return renderAction(el, ctx, env);
  switch (tag) {
    case 'p':
      return one(inlineParagraph(el.children, ctx, env));
    case 'ul':
    case 'ol':
      return renderList(el, ctx, env);
    case 'table':
      return one(renderTable(el, ctx));
    case 'blockquote':
      return renderBlocks(el.children, ctx, { ...env, style: env.style ?? S.quote });
    case 'pre':
      return one(renderPre(el, ctx, env));
    case 'figcaption':
      return one(inlineParagraph(el.children, ctx, env, S.caption));
    case 'dl':
      return renderDefinitionList(el, ctx, env);
    case 'hr':
    case 'script':
    case 'style':
    case 'template':
      return [];
    default: {
      // Containers (div, section, figure …): their id goes to the next paragraph.
      const id = prop(el, 'id');
      if (id) ctx.pendingIds.push(id);
      return renderBlocks(el.children, ctx, env);
    }
  }
}

/** Walks block content; runs of inline nodes between blocks become one paragraph. */
export function renderBlocks(nodes: Content[], ctx: RenderContext, env: BlockEnv): FileChild[] {
  const out: FileChild[] = [];
  let run: ElementContent[] = [];
  const flush = () => {
    if (run.length) {
      const p = inlineParagraph(run, ctx, env);
      if (p) out.push(p);
    }
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'comment' || node.type === 'doctype') continue;
    if (isInline(node as ElementContent) && !hasClass(node, 'hb-visually-hidden')) {
      run.push(node as ElementContent);
      continue;
    }
    flush();
    if (isElement(node)) pushAll(out, renderElement(node, ctx, env));
  }
  flush();
  return out;
}
