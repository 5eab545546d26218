/**
 * Jekyll's own tags besides `include` and `link`: `highlight` (plain, accessible code: Jekyll's
 * structure without the colouring spans), `include_relative` and `post_url`. Files are read from
 * the source tree only, never through `..`, an absolute path or a link out of it.
 */
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import {
  Tag,
  type Context,
  type Emitter,
  type Liquid,
  type TagToken,
  type Template,
  type TopLevelToken,
} from 'liquidjs';
import { isInside } from '../load/files.js';
import { TagFailure } from './failure.js';
import { toHtmlBlock } from './markdownify.js';
import type { TagCtor } from './tags.js';

export interface JekyllTagState {
  /** Absolute source root. */
  root: string;
  baseurl: string;
  /** `_config.yml`'s `permalink` (the posts' URL style). */
  permalink: unknown;
  parseFile(text: string, file: string): Template[];
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** `{% highlight lang [linenos] %}…{% endhighlight %}` as an HTML block. */
export function makeHighlightTag(): TagCtor {
  return class HighlightTag extends Tag {
    private readonly lang: string;
    private readonly linenos: boolean;
    private readonly code: string;

    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      const m = /^\s*([\w+#.-]+)((?:\s+\w+(?:=(?:"[^"]*"|'[^']*'|\S+))?)*)\s*$/.exec(token.args);
      if (!m?.[1])
        throw new Error('highlight needs a language: {% highlight ruby %} … {% endhighlight %}');
      this.lang = m[1].toLowerCase();
      this.linenos = /(^|\s)linenos\b/.test(m[2] ?? '');
      const parts: string[] = [];
      let closed = false;
      while (remain.length) {
        const t = remain.shift();
        if (!t) break;
        if ((t as TagToken).name === 'endhighlight') {
          closed = true;
          break;
        }
        // The body is literal text: Jekyll's highlight is a raw block.
        parts.push(t.getText());
      }
      if (!closed) throw new Error('{% highlight %} is never closed with {% endhighlight %}');
      this.code = parts.join('').replace(/^(\r?\n)+|(\r?\n)+$/g, '');
    }

    render(_ctx: Context, emitter: Emitter): void {
      const lines = this.code.split(/\r?\n/);
      const body = this.linenos
        ? lines
            .map(
              (l, i) => `<span class="lineno" aria-hidden="true">${i + 1} </span>${escapeHtml(l)}`,
            )
            .join('\n')
        : escapeHtml(this.code);
      const cls = `language-${this.lang}`;
      emitter.write(
        toHtmlBlock(
          `<figure class="highlight"><pre><code class="${cls}" data-lang="${this.lang}">${body}</code></pre></figure>`,
        ),
      );
    }
  };
}

/** A path Jekyll would accept: relative, no `..`, no `//`, no backslash or NUL. */
function validRelative(p: string): boolean {
  return p !== '' && !p.startsWith('/') && !/[./]{2,}|\\|\0/.test(p.replace(/^\.\//, ''));
}

/** `root/rel` if it exists and stays inside root after links are followed. */
function insideRoot(root: string, rel: string): string | undefined {
  const file = path.join(root, rel);
  if (!existsSync(file)) return undefined;
  const real = realpathSync(file);
  const realRoot = realpathSync(root);
  return real !== realRoot && isInside(realRoot, real) ? real : undefined;
}

/** `{% include_relative file %}`: a file beside the page (the page's own Liquid scope). */
export function makeIncludeRelativeTag(state: JekyllTagState): TagCtor {
  return class IncludeRelativeTag extends Tag {
    private readonly file: string;

    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      const m = /^\s*((?:\{\{[\s\S]*?\}\}|[^\s])+)/.exec(token.args);
      if (!m?.[1]) throw new Error('include_relative needs a file name');
      this.file = m[1];
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      const name = this.file.includes('{{')
        ? this.liquid.parseAndRenderSync(this.file, ctx.getAll()).trim()
        : this.file;
      const pagePath = String((ctx.getAll() as { page?: { path?: unknown } }).page?.path ?? '');
      const rel = path.posix.join(path.posix.dirname(pagePath), name);
      const file = validRelative(name) ? insideRoot(state.root, rel) : undefined;
      if (!file) {
        throw new TagFailure(
          'UNKNOWN_INCLUDE',
          `include_relative ${name}: there is no file ${rel} in the source`,
          this.token,
          'name a file in the page’s own folder (or below it), without ../',
        );
      }
      const templates = state.parseFile(readFileSync(file, 'utf8'), rel);
      emitter.write(String(yield this.liquid.renderer.renderTemplates(templates, ctx)));
    }
  };
}

const POST = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/;

/** Jekyll's permalink styles for posts (`permalink:` in _config.yml). */
const STYLES: Record<string, string> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
};

/** `{% post_url 2020-01-02-title %}` (or `category/2020-…`): the post's URL with the baseurl. */
export function makePostUrlTag(state: JekyllTagState): TagCtor {
  return class PostUrlTag extends Tag {
    private readonly postName: string;

    constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
      super(token, remain, liquid);
      this.postName = token.args.trim();
    }

    render(_ctx: Context, emitter: Emitter): void {
      const posts = listPosts(state.root);
      const wanted = this.postName.split('/').pop() ?? this.name;
      const post = posts.find((p) => p.stem === wanted);
      if (!post) {
        throw new TagFailure(
          'LIQUID',
          `{% post_url ${this.postName} %}: there is no post _posts/${wanted}.md`,
          this.token,
          posts.length
            ? `name a post of _posts/ without its extension, e.g. ${posts[0]?.stem}`
            : 'the site has no _posts/ folder',
        );
      }
      emitter.write(`${state.baseurl.replace(/\/+$/, '')}${postUrl(post, state.permalink)}`);
    }
  };
}

interface Post {
  stem: string;
  categories: string[];
}

function listPosts(root: string): Post[] {
  const out: Post[] = [];
  const dir = path.join(root, '_posts');
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const rel = entry.split(path.sep).join('/');
    const stem = (rel.split('/').pop() ?? rel).replace(/\.(md|markdown|html)$/i, '');
    if (POST.test(stem)) out.push({ stem, categories: rel.split('/').slice(0, -1) });
  }
  return out.sort((a, b) => (a.stem < b.stem ? -1 : 1));
}

function postUrl(post: Post, permalink: unknown): string {
  const [, year = '', month = '', day = '', title = ''] = POST.exec(post.stem) ?? [];
  const pattern =
    typeof permalink === 'string' ? (STYLES[permalink] ?? permalink) : (STYLES.date as string);
  const yDay = String(
    Math.floor((Date.UTC(+year, +month - 1, +day) - Date.UTC(+year, 0, 0)) / 86_400_000),
  ).padStart(3, '0');
  return pattern
    .replace(/:categories/g, post.categories.join('/'))
    .replace(/:year/g, year)
    .replace(/:month/g, month)
    .replace(/:day/g, day)
    .replace(/:y_day/g, yDay)
    .replace(/:(title|slug)/g, title)
    .replace(/:output_ext/g, '.html')
    .replace(/\/{2,}/g, '/');
}
