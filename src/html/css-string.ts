/**
 * Text that ends up inside generated CSS (running heads, footers). Chapter titles are
 * editor-written, so quotes, backslashes and line breaks must be escaped, and `<` too:
 * the CSS is inlined in a `<style>` element, where a literal `</style>` would end it.
 */
export function cssString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/[\r\n\f]+/g, ' ')
    .replace(/</g, '\\3c ');
  return `"${escaped}"`;
}
