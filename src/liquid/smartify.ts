/**
 * Jekyll's `smartify` filter: kramdown's smart quotes and typographic symbols on plain text.
 * The rules are kramdown's (tried in its order, at the position its span parser would start:
 * one character before the quote when there is one); when the Markdown stage exposes its own
 * typography, this filter should call that instead.
 */
const CHAR = {
  ldquo: '\u201c',
  rdquo: '\u201d',
  lsquo: '\u2018',
  rsquo: '\u2019',
} as const;

type Out = (m: RegExpExecArray) => string;
const open = (q: string): string => (q === '"' ? CHAR.ldquo : CHAR.lsquo);
const close = (q: string): string => (q === '"' ? CHAR.rdquo : CHAR.rsquo);
const PUNCT = `[!"#$%'()*+,\\-./:;<=>?@[\\\\\\]^_\`{|}~]`;

const QUOTE_RULES: [RegExp, Out][] = [
  [/(["'])(?=[_*]{1,2}\S)/y, (m) => open(m[1] ?? '')],
  [new RegExp(`(["'])(?=${PUNCT}(?!\\.\\.)\\B)`, 'y'), (m) => close(m[1] ?? '')],
  [/(\s?)"'(?=\w)/y, (m) => `${m[1] ?? ''}${CHAR.ldquo}${CHAR.lsquo}`],
  [/(\s?)'"(?=\w)/y, (m) => `${m[1] ?? ''}${CHAR.lsquo}${CHAR.ldquo}`],
  [/(\s?)'(?=\d\ds)/y, (m) => `${m[1] ?? ''}${CHAR.rsquo}`],
  [/(\s)(['"])(?=\w)/y, (m) => `${m[1] ?? ''}${open(m[2] ?? '')}`],
  [/([^ \\\t\r\n[{(-])(['"])/y, (m) => `${m[1] ?? ''}${close(m[2] ?? '')}`],
  [/(["'])(?=\s|s\b|$)/my, (m) => close(m[1] ?? '')],
  [/([\s\S]?)'/y, (m) => `${m[1] ?? ''}${CHAR.lsquo}`],
  [/([\s\S]?)"/y, (m) => `${m[1] ?? ''}${CHAR.ldquo}`],
];

const SYMBOLS: [string, string][] = [
  ['---', '\u2014'],
  ['--', '\u2013'],
  ['...', '\u2026'],
  ['\\<<', '<<'],
  ['\\>>', '>>'],
  ['<< ', '\u00ab\u00a0'],
  [' >>', '\u00a0\u00bb'],
  ['<<', '\u00ab'],
  ['>>', '\u00bb'],
];

function quoteAt(text: string, at: number): [string, number] | undefined {
  for (const [re, out] of QUOTE_RULES) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) return [out(m), at + m[0].length];
  }
  return undefined;
}

function symbolAt(text: string, at: number): [string, number] | undefined {
  for (const [from, to] of SYMBOLS) if (text.startsWith(from, at)) return [to, at + from.length];
  return undefined;
}

export function smartify(input: string): string {
  let out = '';
  let i = 0;
  while (i < input.length) {
    const c = input[i] ?? '';
    const next = input[i + 1] ?? '';
    // kramdown's quote parser starts one character early (`[^\\]?["']`).
    const quoteStart =
      (c === '"' || c === "'") && (i === 0 || input[i - 1] !== '\\')
        ? i
        : (next === '"' || next === "'") && c !== '\\'
          ? i
          : -1;
    const hit = (quoteStart === i ? quoteAt(input, i) : undefined) ?? symbolAt(input, i);
    if (hit) {
      out += hit[0];
      i = hit[1];
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
