/**
 * Editions share most of their pages: after Liquid, a page's Markdown is usually the same in
 * every edition. Parsing is the costliest step of the front half, so within one process an
 * edition reuses the tree another edition parsed from the same page and the same Markdown, and
 * replays the findings that parse made. Safe because the later stages never modify a parsed
 * tree (the transform and apply-parsed.ts clone before they change anything).
 */
import { createHash } from 'node:crypto';
import { Diagnostics, type Finding } from '../diagnostics.js';
import type { ExpandedPage, ParsedPage } from '../model.js';

type Parse<O> = (page: ExpandedPage, diag: Diagnostics, options: O) => ParsedPage;

/** Pages kept; past it the memo starts afresh (a guide of 10 × content/ has 152 pages). */
export const PARSE_MEMO_PAGES = 2000;

const memo = new Map<string, { tree: ParsedPage['tree']; findings: Finding[] }>();

export function memoParse<O>(parse: Parse<O>): Parse<O> {
  return (expanded, diag, options) => {
    const { page } = expanded;
    const key = createHash('sha256')
      .update(JSON.stringify([page.path, page.raw, expanded.markdown, options]))
      .digest('hex');
    const hit = memo.get(key);
    if (hit) {
      hit.findings.forEach((f) => diag.add(f));
      return { page, tree: hit.tree };
    }
    const own = new Diagnostics();
    const parsed = parse(expanded, own, options);
    own.findings.forEach((f) => diag.add(f));
    if (memo.size >= PARSE_MEMO_PAGES) memo.clear();
    memo.set(key, { tree: parsed.tree, findings: [...own.findings] });
    return parsed;
  };
}
