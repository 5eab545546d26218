/** `--large-print` and `--body-size PT` → the build's `largePrint` option (src/large-print.ts). */
import { HandbookError } from '../errors.js';
import { parseBodySize, resolveLargePrint, type LargePrintOption } from '../large-print.js';
import type { Values } from './spec.js';

export function largePrintFlags(values: Values): LargePrintOption | undefined {
  const size = values['body-size'];
  if (!values['large-print']) {
    if (typeof size === 'string') {
      throw new HandbookError('USAGE', '--body-size sets the size of large print text', {
        hint: `add --large-print: handbook build --large-print --body-size ${size}`,
      });
    }
    return undefined;
  }
  return resolveLargePrint(typeof size === 'string' ? { bodyPt: parseBodySize(size) } : true);
}
