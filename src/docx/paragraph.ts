/**
 * The one place paragraphs are made: applies the container's style, indent and keep
 * settings, the visible lead-in, bookmarks for ids, and refuses to make empty paragraphs.
 */
import {
  Bookmark,
  Paragraph,
  TabStopType,
  TextRun,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { BlockEnv, RenderContext } from './context.js';
import { tidy, toRuns, type Inline } from './inline.js';
import { LIST_INDENT, S } from './styles.js';
import { pushAll } from '../arrays.js';

export interface ParaOptions {
  style?: string;
  numbering?: IParagraphOptions['numbering'];
  /** Tree ids to bookmark at this paragraph. */
  ids?: string[];
  pageBreakBefore?: boolean;
  keepNext?: boolean;
  /** Ignore the env's continuation indent (numbered paragraphs take theirs from the list). */
  noIndent?: boolean;
  /** Outline level (0-based) of a heading that is not a Heading style: a step or card title. */
  outlineLevel?: number;
}

/** Wraps `children` in a bookmark for every id not bookmarked yet. */
export function bookmarked(
  children: ParagraphChild[],
  ids: string[],
  ctx: RenderContext,
): ParagraphChild[] {
  let wrapped = children;
  for (const id of ids) {
    const name = ctx.bookmarks.get(id);
    if (!name || ctx.placed.has(name)) continue;
    ctx.placed.add(name);
    wrapped = [new Bookmark({ id: name, children: wrapped })];
  }
  return wrapped;
}

export function makeParagraph(
  inlines: Inline[],
  ctx: RenderContext,
  env: BlockEnv,
  opts: ParaOptions = {},
): Paragraph | undefined {
  const content = tidy(inlines);
  if (content.length === 0) return undefined;
  const children: ParagraphChild[] = [];
  if (env.leadIn && !env.leadIn.used) {
    env.leadIn.used = true;
    children.push(new TextRun({ text: `${env.leadIn.text.trim()} `, style: S.strong }));
  }
  pushAll(children, toRuns(content, ctx));
  const box = env.boxIndent;
  // Continuation paragraphs take their indent from a List Continue style; in a box every
  // paragraph has the box's style (and its indent), and a numbered one repeats that indent
  // directly, since a list's own indent would otherwise win and shift the box's border.
  const continuation = !opts.noIndent && env.indent && box === undefined;
  const style =
    opts.style ??
    (continuation && !env.style
      ? S.listContinue(Math.round((env.indent ?? 0) / LIST_INDENT))
      : env.style);
  const indent =
    box !== undefined && opts.numbering
      ? { left: box, hanging: 0 }
      : continuation && env.style
        ? { left: env.indent }
        : undefined;
  return new Paragraph({
    style,
    children: bookmarked(children, opts.ids ?? [], ctx),
    numbering: opts.numbering,
    indent,
    // In a box a bullet stays at the box's edge; its text starts at this tab stop.
    tabStops:
      box !== undefined && opts.numbering
        ? [{ type: TabStopType.LEFT, position: box + 360 }]
        : undefined,
    pageBreakBefore: opts.pageBreakBefore,
    keepNext: opts.keepNext ?? (env.keepTogether || undefined),
    keepLines: env.keepTogether || undefined,
    outlineLevel: opts.outlineLevel,
  });
}
