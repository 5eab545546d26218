/**
 * What an edition leaves in the trees it is applied to. The renderers read `meta.edition`
 * (cover, document control, colour) and nothing else: every decision is made upstream.
 */

/** Text an edition leaves out, so that links into it are reported and become plain text. */
export interface LeftOut {
  edition: string;
  /** Source paths of left-out pages. */
  pages: Set<string>;
  /** `path#id` of every id inside a left-out section. */
  anchors: Set<string>;
}

export interface EditionLogo {
  /** A site path of the source tree (`/assets/images/logo.png`), read by each renderer. */
  src: string;
  alt: string;
}

export interface EditionMeta {
  id: string;
  organisation?: {
    name: string;
    logo?: EditionLogo;
    address: string[];
    contact: string[];
  };
  /** #rrggbb, checked against WCAG AA before it gets here. */
  colour?: { brand: string; text: string };
  /** Titles of the pages the edition adds, and of the chapters and sections it leaves out. */
  adds: string[];
  leavesOut: string[];
  /** Body text size of a large-print edition (pt); the renderers take it as a build option. */
  largePrintPt?: number;
}
