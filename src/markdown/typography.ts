/**
 * kramdown's smart quotes and typographic symbols (`---` em dash, `--` en dash, `...`
 * ellipsis, `<<` `>>` guillemets), applied to one run of text as kramdown's span parser
 * meets it: the leftmost candidate wins, a quote may take the character before it as
 * context, and the rules are tried in kramdown's order (parser/kramdown/smart_quotes.rb).
 */

export type Quotes = readonly [lsquo: string, rsquo: string, ldquo: string, rdquo: string];

type Sub = number | 'lquote1' | 'rquote1' | 'lquote2' | 'rquote2' | 'ldquo' | 'lsquo' | 'rsquo';

const PUNCT = '[!"#$%\'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~]';
const CLOSE = '[^ \\\\\\t\\r\\n\\[{(-]';

// Sticky (anchored at the candidate) like Ruby's StringScanner#scan; ASCII \w and \s as Ruby's.
const RULES: readonly (readonly [RegExp, readonly Sub[]])[] = [
  [/(["'])(?=[_*]{1,2}[^ \t\r\n\f\v])/y, ['lquote1']],
  [new RegExp(`(["'])(?=${PUNCT}(?!\\.\\.)\\B)`, 'y'), ['rquote1']],
  [/([ \t\r\n\f\v]?)"'(?=\w)/y, [1, 'ldquo', 'lsquo']],
  [/([ \t\r\n\f\v]?)'"(?=\w)/y, [1, 'lsquo', 'ldquo']],
  [/([ \t\r\n\f\v]?)'(?=\d\ds)/y, [1, 'rsquo']],
  [/([ \t\r\n\f\v])(['"])(?=\w)/y, [1, 'lquote2']],
  [new RegExp(`(${CLOSE})(['"])`, 'y'), [1, 'rquote2']],
  [/(["'])(?=[ \t\r\n\f\v]|s\b|$)/my, ['rquote1']],
  [/([\s\S]?)'/y, [1, 'lsquo']],
  [/([\s\S]?)"/y, [1, 'ldquo']],
];

const SYMBOLS: readonly (readonly [string, string])[] = [
  ['---', '\u2014'],
  ['--', '\u2013'],
  ['...', '\u2026'],
  ['<< ', '\u00ab\u00a0'],
  [' >>', '\u00a0\u00bb'],
  ['<<', '\u00ab'],
  ['>>', '\u00bb'],
];

/** Stands in for an escaped character: plain text to every rule. */
const LITERAL = '\u0000';

export interface TypesetOptions {
  quotes: Quotes;
  symbols: boolean;
}

/**
 * Typesets `text`. `literal[i]` marks characters written escaped (`\"`), which stay as they
 * are; `after` is the source that follows the run (kramdown's look-ahead sees it).
 */
export function typeset(
  text: string,
  options: TypesetOptions,
  after = '',
  literal?: readonly boolean[],
): string {
  if (!/["'.\-<>]/.test(text)) return text;
  const masked = literal?.some(Boolean)
    ? [...text].map((c, i) => (literal[i] ? LITERAL : c)).join('')
    : text;
  const source = masked + after;
  let out = '';
  let p = 0;
  while (p < text.length) {
    const quoted = quoteAt(source, p, text.length, options.quotes);
    if (quoted) {
      out += quoted.text;
      p = quoted.end;
      continue;
    }
    const sym = options.symbols ? SYMBOLS.find(([s]) => masked.startsWith(s, p)) : undefined;
    if (sym) {
      out += sym[1];
      p += sym[0].length;
      continue;
    }
    out += text[p];
    p++;
  }
  return out;
}

const isQuote = (c: string | undefined): boolean => c === '"' || c === "'";

function quoteAt(
  source: string,
  p: number,
  limit: number,
  quotes: Quotes,
): { text: string; end: number } | undefined {
  // `[^\\]?["']`: the character before the quote is part of the candidate, when there is one.
  const withPrev = p + 1 < limit && isQuote(source[p + 1]) && source[p] !== '\\';
  if (!withPrev && !isQuote(source[p])) return undefined;
  for (const [rule, subs] of RULES) {
    rule.lastIndex = p;
    const m = rule.exec(source);
    if (!m) continue;
    let text = '';
    for (const sub of subs) {
      if (typeof sub === 'number') text += (m[sub] ?? '').replaceAll(LITERAL, '');
      else text += quoteChar(sub, m, quotes);
    }
    return { text, end: Math.min(p + m[0].length, limit) };
  }
  return undefined;
}

function quoteChar(sub: Exclude<Sub, number>, m: RegExpExecArray, quotes: Quotes): string {
  const [lsquo, rsquo, ldquo, rdquo] = quotes;
  if (sub === 'lsquo') return lsquo;
  if (sub === 'rsquo') return rsquo;
  if (sub === 'ldquo') return ldquo;
  const mark = m[Number(sub.slice(-1))];
  const double = mark === '"';
  return sub.startsWith('l') ? (double ? ldquo : lsquo) : double ? rdquo : rsquo;
}
