/**
 * kramdown's backslash escapes: with the GFM parser only `\` before one of
 * ``\ . * _ + ` < > ( ) [ ] { } # ! : | " ' $ = - ~`` is an escape; before any other
 * character (`\&`, `\/`, `\%`, `\@` …) the backslash is text, where CommonMark would drop it
 * before any ASCII punctuation. A micromark syntax extension in place of CommonMark's
 * character escape: same token names, so remark builds the same nodes from it.
 */
import type { Processor } from 'unified';
import type { Code, Effects, Extension, State, Tokenizer } from 'micromark-util-types';

const ESCAPABLE = new Set([...'\\.*_+`<>()[]{}#!:|"\'$=-~'].map((c) => c.charCodeAt(0)));
const BACKSLASH = 92;

const tokenizeEscape: Tokenizer = (effects: Effects, ok: State, nok: State): State => {
  const value: State = (code: Code) => {
    if (code === null || !ESCAPABLE.has(code)) return nok(code);
    effects.enter('characterEscapeValue');
    effects.consume(code);
    effects.exit('characterEscapeValue');
    effects.exit('characterEscape');
    return ok;
  };
  return (code: Code) => {
    effects.enter('characterEscape');
    effects.enter('escapeMarker');
    effects.consume(code);
    effects.exit('escapeMarker');
    return value;
  };
};

const kramdownEscape = { name: 'kramdownEscape', tokenize: tokenizeEscape };

export const kramdownEscapes: Extension = {
  disable: { null: ['characterEscape'] },
  text: { [BACKSLASH]: kramdownEscape },
  string: { [BACKSLASH]: kramdownEscape },
};

export default function remarkKramdownEscapes(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(kramdownEscapes);
}
