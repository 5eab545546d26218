/**
 * Appending without spreading: `a.push(...b)` passes every element of `b` as an argument, and
 * a paragraph of 100,000 links overflows the call stack that way. Every walk over a page's
 * tree appends with this instead.
 */
export function pushAll<T>(into: T[], items: readonly T[]): T[] {
  for (const item of items) into.push(item);
  return into;
}

/** `array.splice(at, 1, ...items)` without spreading `items` into arguments. */
export function replaceAt<T>(array: T[], at: number, items: readonly T[]): void {
  const tail = array.slice(at + 1);
  array.length = at;
  pushAll(array, items);
  pushAll(array, tail);
}
