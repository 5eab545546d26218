/**
 * Inline content: hast phrasing → a small intermediate form (so whitespace can be collapsed
 * across element boundaries the way a browser does) → docx runs and hyperlinks.
 */
import { ExternalHyperlink, ImageRun, InternalHyperlink, TextRun, type ParagraphChild } from 'docx';
import type { ElementContent } from 'hast';
import type { RenderContext } from './context.js';
import type { WordProfile } from './profile.js';
import { classes, isElement, prop } from './hast.js';
import { drawnSize } from './images.js';
import { MONO, S } from './styles.js';
import { pushAll } from '../arrays.js';

export interface Format {
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  sup?: boolean;
  sub?: boolean;
  /** A character style the tree's class asks for (the appendix's note, URL, missing mark). */
  charStyle?: string;
}

/** Classes of the tree that map to a character style. */
const CLASS_STYLES: Record<string, string> = {
  'hb-ref__note': S.refNote,
  'hb-ref__url': S.refUrl,
  'hb-ref__missing': S.refMissing,
};

export type Inline =
  | { t: 'text'; text: string; f: Format }
  | { t: 'break' }
  | { t: 'link'; href: string; anchor?: string; children: Inline[] }
  | { t: 'image'; src: string; alt: string; width?: number; height?: number };

const BOLD = new Set(['strong', 'b']);
const ITALIC = new Set(['em', 'i', 'cite', 'dfn', 'var']);
const CODE = new Set(['code', 'kbd', 'samp']);

function num(v: string | undefined): number | undefined {
  const n = v === undefined ? NaN : Number.parseFloat(v);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** hast phrasing content → intermediate inlines. `inLink` flattens nested links. */
export function collectInline(
  nodes: ElementContent[],
  ctx: RenderContext,
  f: Format = {},
  inLink = false,
): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    if (node.type === 'text') {
      out.push({ t: 'text', text: node.value, f });
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.tagName;
    const cls = classes(node);
    // Screen-reader-only text and box labels are dealt with by the components that carry
    // them (care card, inset); elsewhere ("opens in a new tab" …) it means nothing on paper.
    if (cls.includes('hb-visually-hidden') || cls.includes('hb-label')) continue;
    if (tag === 'br') out.push({ t: 'break' });
    else if (tag === 'img') {
      out.push({
        t: 'image',
        src: prop(node, 'src') ?? '',
        alt: prop(node, 'alt') ?? '',
        width: num(prop(node, 'width')),
        height: num(prop(node, 'height')),
      });
    } else if (tag === 'a' && !inLink && prop(node, 'href')) {
      out.push(link(prop(node, 'href') ?? '', collectInline(node.children, ctx, f, true), ctx));
    } else if (cls.includes('hb-ref__url')) {
      // The appendix prints every full URL on its own line, for readers of paper copies.
      const url = { ...f, charStyle: S.refUrl };
      out.push({ t: 'break' });
      pushAll(out, collectInline(node.children, ctx, url, inLink));
    } else {
      const next: Format = {
        ...f,
        bold: f.bold || BOLD.has(tag) || undefined,
        italic: f.italic || ITALIC.has(tag) || undefined,
        code: f.code || CODE.has(tag) || undefined,
        sup: f.sup || tag === 'sup' || undefined,
        sub: f.sub || tag === 'sub' || undefined,
        charStyle: cls.map((c) => CLASS_STYLES[c]).find(Boolean) ?? f.charStyle,
      };
      pushAll(out, collectInline(node.children, ctx, next, inLink));
    }
  }
  return out;
}

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function link(href: string, children: Inline[], ctx: RenderContext): Inline {
  if (href.startsWith('#')) {
    const anchor = ctx.bookmarks.get(safeDecode(href.slice(1)));
    if (anchor) return { t: 'link', href, anchor, children };
    // An internal target the tree does not have: keep the words, drop the dead link, say so.
    ctx.report(
      'docx-dead-link',
      `internal link "${plainText(children).trim()}" → ${href} has no target in the Word handbook; the text is kept without a link`,
      'link to a heading or element id that exists in the handbook',
    );
    return { t: 'link', href: '', children };
  }
  return { t: 'link', href, children };
}

/** Collapses whitespace like a browser: runs of spaces → one, none at the start/end or around breaks. */
export function tidy(inlines: Inline[]): Inline[] {
  let spaceBefore = true;
  let last: { text: string } | undefined;
  const walk = (items: Inline[]): Inline[] => {
    const out: Inline[] = [];
    for (const item of items) {
      if (item.t === 'text') {
        let text = item.text.replace(/\s+/g, ' ');
        if (spaceBefore && !item.f.code) text = text.replace(/^ /, '');
        if (!text) continue;
        const copy = { ...item, text };
        out.push(copy);
        last = copy;
        spaceBefore = text.endsWith(' ');
      } else if (item.t === 'break') {
        if (last) last.text = last.text.replace(/ $/, '');
        out.push(item);
        spaceBefore = true;
      } else if (item.t === 'link') {
        const children = walk(item.children);
        if (children.length) out.push({ ...item, children });
      } else {
        out.push(item);
        spaceBefore = false;
      }
    }
    return out;
  };
  const result = walk(inlines);
  if (last) last.text = last.text.replace(/ $/, '');
  return prune(result);
}

/** Drops texts emptied by trimming, and breaks at the very start or end. */
function prune(items: Inline[]): Inline[] {
  const kept = items
    .map((i) => (i.t === 'link' ? { ...i, children: prune(i.children) } : i))
    .filter((i) =>
      i.t === 'text' ? i.text !== '' : i.t === 'link' ? i.children.length > 0 : true,
    );
  while (kept[0]?.t === 'break') kept.shift();
  while (kept[kept.length - 1]?.t === 'break') kept.pop();
  return kept;
}

export function plainText(inlines: Inline[]): string {
  return inlines
    .map((i) =>
      i.t === 'text'
        ? i.text
        : i.t === 'link'
          ? plainText(i.children)
          : i.t === 'break'
            ? ' '
            : i.alt,
    )
    .join('');
}

/**
 * A text run. Emphasis is a character style (Strong, Emphasis, Code Char), as an editor would
 * apply it; a run takes one style, so a link's style (Hyperlink) or code wins and any other
 * emphasis stays direct formatting on top of it.
 */
function textRun(i: Extract<Inline, { t: 'text' }>, profile: WordProfile, style?: string): TextRun {
  const emphasis = i.f.bold ? S.strong : i.f.italic ? S.emphasis : undefined;
  const own = style ?? (i.f.code ? S.codeChar : (i.f.charStyle ?? emphasis));
  // Emphasis on top of another style takes the profile's emphasis (italic, or bold).
  const direct = i.f.italic && own !== S.emphasis ? profile.emphasis : {};
  return new TextRun({
    text: i.text,
    bold: (i.f.bold && own !== S.strong) || 'bold' in direct ? true : undefined,
    italics: 'italics' in direct ? true : undefined,
    style: own,
    font: i.f.code && style ? MONO : undefined,
    superScript: i.f.sup,
    subScript: i.f.sub,
  });
}

function imageRun(i: Extract<Inline, { t: 'image' }>, ctx: RenderContext): ParagraphChild {
  const img = ctx.images.get(i.src);
  if (!img || 'problem' in img) {
    const name = i.src.startsWith('data:') ? '(data: URI)' : i.src;
    ctx.report(
      'docx-image-missing',
      img
        ? `image ${name} could not be embedded in the Word handbook: ${img.problem}; its alternative text is printed instead`
        : `image ${name} could not be embedded in the Word handbook (missing file or not PNG/JPEG/GIF/BMP/SVG); its alternative text is printed instead`,
      img
        ? 'make the SVG self-contained (inline images as data: URIs, no external stylesheets)'
        : 'add the file under the source directory',
    );
    return new TextRun({ text: i.alt ? `[Image: ${i.alt}]` : '[Image]', ...ctx.profile.slant });
  }
  const common = {
    transformation: drawnSize(img, i.width, i.height),
    altText: { name: i.alt.slice(0, 60) || 'Image', title: i.alt, description: i.alt },
  };
  return img.svg
    ? new ImageRun({
        type: 'svg',
        data: img.svg,
        fallback: { type: 'png', data: img.data },
        ...common,
      })
    : new ImageRun({ type: img.type, data: img.data, ...common });
}

/** Intermediate inlines → docx paragraph children. */
export function toRuns(
  inlines: Inline[],
  ctx: RenderContext,
  linkStyle?: string,
): ParagraphChild[] {
  return inlines.map((i): ParagraphChild => {
    if (i.t === 'text') return textRun(i, ctx.profile, linkStyle);
    if (i.t === 'break') return new TextRun({ break: 1 });
    if (i.t === 'image') return imageRun(i, ctx);
    if (!i.href) return new TextRun({ text: plainText(i.children) });
    const children = toRuns(i.children, ctx, S.hyperlink);
    return i.anchor
      ? new InternalHyperlink({ anchor: i.anchor, children })
      : new ExternalHyperlink({ link: i.href, children });
  });
}
