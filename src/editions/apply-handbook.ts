/**
 * An edition applied to the transformed tree: its title, organisation and colour go into
 * `meta` (with `meta.edition` for the cover, document control and styles), and local pages
 * configured as appendices move behind the reference list as Appendix B, C …
 */
import type { Chapter, Handbook, Page } from '../model.js';
import type { CutSection } from './apply-parsed.js';
import type { EditionMeta } from './model.js';
import type { ResolvedEdition } from './resolve.js';
import { editionLargePrint } from './options.js';
import { resolveLargePrint } from '../large-print.js';

export interface HandbookEdition {
  edition: ResolvedEdition;
  local: Page[];
  /** Titles of the chapters left out. */
  chapters: string[];
  sections: CutSection[];
}

const toLines = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : v.split('\n').filter((l) => l.trim() !== '');

export function applyToHandbook(hb: Handbook, e: HandbookEdition): Handbook {
  const c = e.edition.config;
  const localPaths = new Set(e.local.map((p) => p.path));
  const edition: EditionMeta = {
    id: c.id,
    adds: e.local.map((p) => p.title),
    leavesOut: [...e.chapters, ...e.sections.map((s) => s.title)],
  };
  if (c.organisation) {
    const o = c.organisation;
    edition.organisation = {
      name: o.name,
      address: toLines(o.address),
      contact: toLines(o.contact),
      ...(o.logo ? { logo: { src: sitePath(o.logo), alt: o.logoAlt ?? `${o.name} logo` } } : {}),
    };
  }
  if (e.edition.colour) edition.colour = e.edition.colour;
  const lp = resolveLargePrint(editionLargePrint(e.edition));
  if (lp) edition.largePrintPt = lp.bodyPt;
  const meta = {
    ...hb.meta,
    ...(c.title ? { title: c.title } : {}),
    ...(c.subtitle ? { subtitle: c.subtitle } : {}),
    ...(c.organisation ? { organisation: c.organisation.name } : {}),
    edition,
  };
  if (!c.pages?.appendix) return { ...hb, meta };
  const isLocal = (ch: Chapter) => localPaths.has(ch.source);
  const appendices = [
    ...hb.appendices,
    ...hb.chapters.filter(isLocal).map((ch) => ({ ...ch, kind: 'appendix' as const })),
  ].map((ch, i) => ({ ...ch, label: `Appendix ${String.fromCharCode(65 + i)}` }));
  return { ...hb, meta, chapters: hb.chapters.filter((ch) => !isLocal(ch)), appendices };
}

function sitePath(p: string): string {
  return p.startsWith('/') ? p : `/${p}`;
}
