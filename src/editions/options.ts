/**
 * What an edition asks of the build beyond its trees: large print (issue 15 item 3) is a build
 * option of the renderers, so an edition with `largePrint` maps onto it here. A `largePrint`
 * given by the caller wins over the edition's.
 */
import type { BuildOptions } from '../build.js';
import { DEFAULT_EDITION, resolveEdition, type ResolvedEdition } from './resolve.js';

export function editionLargePrint(edition: ResolvedEdition): BuildOptions['largePrint'] {
  // `true` is the build option's own default size (src/large-print.ts).
  return edition.config.largePrint;
}

/** The edition a build names, resolved against the source, and the options it implies. */
export async function withEdition(
  source: string,
  given: BuildOptions,
): Promise<{ edition: ResolvedEdition | undefined; options: BuildOptions }> {
  if (given.edition === undefined || given.edition === DEFAULT_EDITION)
    return { edition: undefined, options: given };
  const edition = await resolveEdition(source, given.edition);
  const largePrint = given.largePrint ?? editionLargePrint(edition);
  return { edition, options: largePrint ? { ...given, largePrint } : given };
}
