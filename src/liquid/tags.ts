/**
 * Jekyll's `include` (toolchain templates first, then the site's `_includes/`; never outside the
 * source) and `link` tags. Failures are raised as TagFailure at the tag, so that the page's line
 * is reported even when the fault lies in an include.
 */
import { posix } from 'node:path';
import {
  Hash,
  Tag,
  TypeGuards,
  type Context,
  type Emitter,
  type Liquid,
  type TagToken,
  type Template,
  type TopLevelToken,
} from 'liquidjs';
import { TagFailure, findTagFailure, liquidLine, plainMessage } from './failure.js';
import { toHtmlBlock } from './markdownify.js';
import { editDistance } from '../load/permalinks.js';
import { LiquidError } from 'liquidjs';
import { MAX_INCLUDE_DEPTH } from '../limits.js';

/** What liquidjs's registerTag accepts (its TagClass type is not exported). */
export type TagCtor = new (token: TagToken, remain: TopLevelToken[], liquid: Liquid) => Tag;

export interface IncludeSource {
  name: string;
  text: string;
  /** Toolchain templates produce print markup and are emitted as one HTML block. */
  origin: 'toolchain' | 'site';
}

export interface TagState {
  findInclude(name: string): IncludeSource | undefined;
  includeNames(): string[];
  parseInclude(source: IncludeSource): Template[];
  /** The url `{% link path %}` stands for, or undefined when nothing is at `path`. */
  linkTarget(path: string): string | undefined;
}

export function includeLabel(source: IncludeSource): string {
  return source.origin === 'toolchain'
    ? `handbook template ${source.name}`
    : `_includes/${source.name}`;
}

export function makeIncludeTag(state: TagState): TagCtor {
  // The includes being rendered, outermost first (rendering is synchronous: one chain at a time).
  const chain: string[] = [];
  return class IncludeTag extends Tag {
    private readonly file: string;
    private readonly hash: Hash;

    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      const m = /^\s*((?:\{\{[\s\S]*?\}\}|[^\s])+)([\s\S]*)$/.exec(token.args);
      if (!m?.[1]) throw new Error('include needs a file name: {% include carecard.html … %}');
      this.file = m[1];
      this.hash = new Hash(m[2] ?? '', true);
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const name = this.includeName(ctx);
      const source = state.findInclude(name);
      if (!source) throw this.unknownInclude(name);
      this.checkArguments(ctx, name);
      const params = (yield this.hash.render(ctx)) as Record<string, unknown>;
      let templates: Template[];
      try {
        templates = state.parseInclude(source);
      } catch (e) {
        throw this.rewrap(e, source);
      }
      const loop = chain.indexOf(name);
      if (loop >= 0 || chain.length >= MAX_INCLUDE_DEPTH) {
        const shown = loop >= 0 ? [...chain.slice(loop), name] : [...chain.slice(0, 3), '…', name];
        throw new TagFailure(
          'LIQUID',
          `${loop >= 0 ? 'recursive include' : `includes nested more than ${MAX_INCLUDE_DEPTH} deep`}: ${shown.join(' → ')}`,
          this.token,
          'an include must not include itself, directly or through others',
        );
      }
      ctx.push({ include: params });
      chain.push(name);
      try {
        const html = String(yield this.liquid.renderer.renderTemplates(templates, ctx));
        emitter.write(source.origin === 'toolchain' ? toHtmlBlock(html) : html);
      } catch (e) {
        throw this.rewrap(e, source);
      } finally {
        chain.pop();
        ctx.pop();
      }
    }

    private includeName(ctx: Context): string {
      const raw = this.file.includes('{{')
        ? this.liquid.parseAndRenderSync(this.file, ctx.getAll())
        : this.file;
      // Jekyll joins the name to _includes/: `/examples/x.xml` is `_includes/examples/x.xml`.
      const clean = posix.normalize(raw.trim().replace(/^\/+/, ''));
      if (/\\|\0/.test(raw) || clean === '..' || clean.startsWith('../')) {
        throw new TagFailure(
          'INCLUDE_OUTSIDE_SOURCE',
          `include ${raw.trim()} points outside _includes/`,
          this.token,
          'includes are read from _includes/ only; name the file relative to that folder, without ../',
        );
      }
      return clean;
    }

    private unknownInclude(name: string): TagFailure {
      const names = state.includeNames();
      const base = (n: string): string => n.split('/').pop() ?? n;
      const near = names.filter((n) => base(n) === base(name) || editDistance(n, name) <= 3);
      const hint = near.length
        ? `did you mean ${near.join(' or ')}? Otherwise add ${name} to _includes/`
        : `add it to _includes/${names.length ? `, or use one of: ${names.join(', ')}` : ''}`;
      return new TagFailure(
        'UNKNOWN_INCLUDE',
        `include ${name} not found in _includes/`,
        this.token,
        hint,
      );
    }

    /** `content=name` where `name` was never captured: Jekyll silently renders nothing. */
    private checkArguments(ctx: Context, name: string): void {
      for (const [key, token] of Object.entries(this.hash.hash)) {
        if (
          !token ||
          !TypeGuards.isPropertyAccessToken(token) ||
          token.variable ||
          token.props.length !== 1
        )
          continue;
        const idToken = token.props[0];
        if (!idToken || TypeGuards.isQuotedToken(idToken) || TypeGuards.isNumberToken(idToken))
          continue;
        const id = { content: idToken.getText() };
        // Defined-but-nil (`{% assign x = page.missing %}`) is fine: only never-set names fail.
        const scope = ctx.getAll() as Record<string, unknown>;
        if (Object.prototype.hasOwnProperty.call(scope, id.content)) continue;
        const known = Object.keys(scope).filter(
          (k) => !['site', 'page', 'include', 'forloop'].includes(k),
        );
        const similar = known.filter((k) => k.includes(id.content) || id.content.includes(k));
        throw new TagFailure(
          'UNKNOWN_CAPTURE',
          `include ${name}: ${key}=${id.content} names a variable that was never captured or assigned`,
          this.token,
          similar.length
            ? `did you mean ${similar.join(' or ')}?`
            : `capture it first: {% capture ${id.content} %}…{% endcapture %}, or quote the text: ${key}="…"`,
        );
      }
    }

    private rewrap(e: unknown, source: IncludeSource): unknown {
      const inner = findTagFailure(e);
      // The chain is named once, in the message itself: no "(in …)" per level.
      if (inner && /^(recursive include|includes nested)/.test(inner.message))
        return new TagFailure(inner.code, inner.message, this.token, inner.hint);
      if (inner)
        return new TagFailure(
          inner.code,
          `${inner.message} (in ${includeLabel(source)})`,
          this.token,
          inner.hint,
        );
      if (!LiquidError.is(e)) return e;
      const line = liquidLine(e);
      return new TagFailure(
        'LIQUID',
        `Liquid error in ${includeLabel(source)}${line ? ` line ${line}` : ''}: ${plainMessage(e)}`,
        this.token,
        'fix the include, or the parameters this line passes to it',
      );
    }
  };
}

export function makeLinkTag(state: TagState): TagCtor {
  return class LinkTag extends Tag {
    private readonly path: string;

    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      this.path = token.args.trim();
      if (!this.path)
        throw new Error('link needs a source path: {% link guide/01-get-started.md %}');
    }

    render(ctx: Context, emitter: Emitter): void {
      const path = this.path.includes('{{')
        ? this.liquid.parseAndRenderSync(this.path, ctx.getAll()).trim()
        : this.path;
      const url = state.linkTarget(path);
      if (url === undefined) {
        throw new TagFailure(
          'LIQUID',
          `{% link ${path} %}: there is no page or file ${path} in the source`,
          this.token,
          'give the source path of a page relative to the site folder, e.g. guide/02-technical-survey.md',
        );
      }
      emitter.write(url);
    }
  };
}
