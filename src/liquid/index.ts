/**
 * The Liquid stage: each page's body → Markdown with the includes expanded, as Jekyll renders
 * it, but with the toolchain's print templates in place of the site's web partials.
 */
import { Diagnostics } from '../diagnostics.js';
import { HandbookError } from '../errors.js';
import type { CollectionDoc, ExpandedPage, Page, SourceFile, SourceTree } from '../model.js';
import {
  commentSpans,
  includesInComments,
  lineAtOffset,
  markComments,
  spanAt,
  stripLiquidInSpan,
  unmarkComments,
} from './comments.js';
import { engineFor, pageObject, type BuildStamp, type Engine } from './engine.js';
import { locateFailure } from './failure.js';
import { MAX_PAGE_OUTPUT } from '../limits.js';

export { markdownify, toHtmlBlock } from './markdownify.js';
export { relativeUrl, absoluteUrl, where, sort } from './filters.js';

export interface ExpandOptions {
  /** Report a page's fatal Liquid error as an error finding and skip the page (for `check`). */
  collect?: boolean;
  /** Folder of print templates (default: the package's templates/includes). */
  templatesDir?: string;
  /** The build's date and version: `now`, `site.time` and `sample` follow them. */
  stamp?: BuildStamp;
}

export async function expandPages(
  tree: SourceTree,
  pages: Page[],
  diag: Diagnostics,
  options: ExpandOptions = {},
): Promise<ExpandedPage[]> {
  const engine = engineFor(tree, options.templatesDir, options.stamp);
  const failure = (e: unknown): void => {
    if (!(e instanceof HandbookError) || !options.collect) throw e;
    diag.error(e.file ?? '', e.line, findingCode(e.code), e.message, e.hint);
  };
  const docsDiag = await renderDocs(engine);
  for (const f of docsDiag.findings) diag.add(f);
  docsDiag.errors.forEach(failure);

  const out: ExpandedPage[] = [];
  for (const page of pages) {
    try {
      out.push({
        page,
        markdown: await expand(
          engine,
          page,
          { page: pageObject(tree, page), site: engine.site },
          diag,
        ),
      });
    } catch (e) {
      failure(e);
    }
  }
  return out;
}

export function findingCode(code: string): string {
  return code.toLowerCase().replace(/_/g, '-');
}

interface DocsResult {
  findings: Diagnostics['findings'];
  errors: HandbookError[];
}

/** Jekyll renders collection documents' Liquid before pages use them: once per engine. */
function renderDocs(engine: Engine): Promise<DocsResult> {
  engine.docs ??= (async (): Promise<DocsResult> => {
    const local = new Diagnostics();
    const errors: HandbookError[] = [];
    const lists = Object.entries(engine.tree.collections);
    for (const [name, docs] of lists) {
      const scopeDocs = engine.site[name] as Record<string, unknown>[];
      for (const [i, doc] of docs.entries()) {
        const target = scopeDocs[i];
        if (!target || !doc.body.includes('{')) continue;
        try {
          target.content = await expand(
            engine,
            doc,
            { page: { ...doc.data }, site: engine.site },
            local,
          );
        } catch (e) {
          if (e instanceof HandbookError) errors.push(e);
          else throw e;
        }
      }
    }
    return { findings: local.findings, errors };
  })();
  return engine.docs as Promise<DocsResult>;
}

/**
 * Renders one body. A Liquid failure that lies wholly inside an HTML comment does not stop the
 * build: that comment loses its Liquid (a warning says so) and the body is rendered again.
 */
async function expand(
  engine: Engine,
  file: SourceFile | CollectionDoc,
  scope: Record<string, unknown>,
  diag: Diagnostics,
): Promise<string> {
  let text = markComments(file.body);
  const fileLine = (offset: number): number => file.bodyLine + lineAtOffset(text, offset) - 1;
  for (let attempt = 0; ; attempt++) {
    try {
      // Synchronous rendering: every tag and filter here is synchronous, and it avoids a promise per node.
      const rendered = String(engine.liquid.renderSync(engine.parse(text, file.path), scope));
      if (rendered.length > MAX_PAGE_OUTPUT) {
        throw new HandbookError(
          'LIQUID',
          `Liquid makes ${rendered.length} characters of this page, more than the limit of ${MAX_PAGE_OUTPUT}`,
          {
            file: file.path,
            line: file.bodyLine,
            hint: 'look for a loop that repeats too often; see Limits in the README',
          },
        );
      }
      for (const at of includesInComments(text)) {
        diag.note(
          file.path,
          fileLine(at),
          'include-in-comment',
          'an include inside an HTML comment still runs (as in Jekyll); its output stays commented out and is not in the handbook',
        );
      }
      return unmarkComments(rendered);
    } catch (e) {
      const f = locateFailure(e);
      const offset = f.input === text ? f.offset : undefined;
      const span = offset === undefined ? undefined : spanAt(commentSpans(text), offset);
      if (offset !== undefined && span && attempt < 100) {
        diag.warning(
          file.path,
          fileLine(offset),
          'liquid-in-comment',
          `${f.message} — inside an HTML comment, so the build goes on; the comment's Liquid is dropped`,
          f.hint,
        );
        text = stripLiquidInSpan(text, span);
        continue;
      }
      throw new HandbookError(f.code, f.message, {
        file: file.path,
        line: offset === undefined ? undefined : fileLine(offset),
        hint: f.hint,
        cause: e,
      });
    }
  }
}
