/**
 * The limits a source must stay within, in one place (README: "Limits"). Each is far above
 * what a real guide needs; a source beyond one gets a clear error naming the file and line
 * instead of a hang, a crash or an enormous handbook.
 */

/**
 * Values YAML aliases (`*name`) may expand to in one file (the yaml library's maxAliasCount):
 * any real reuse fits, a "billion laughs" does not.
 */
export const MAX_YAML_ALIASES = 100_000;

/** Includes within includes. */
export const MAX_INCLUDE_DEPTH = 20;

/** Liquid loop iterations in one page (every `for` and `tablerow` together). */
export const MAX_LOOP_ITERATIONS = 100_000;

/** Liquid output of one page, in characters. */
export const MAX_PAGE_OUTPUT = 5_000_000;

/** Size of one source file, in bytes. */
export const MAX_FILE_BYTES = 10_000_000;

/**
 * Closing one browser tab, in ms, before the browser is asked to close it instead (a tab whose
 * document navigated away while printing sometimes never answers).
 */
export const PAGE_CLOSE_MS = 3_000;

/** One pass of a PDF print (load the document, wait for its fonts, print), in ms. */
export const PRINT_PASS_MS = 120_000;

/** A whole PDF print, every pass together, in ms. */
export const PRINT_DEADLINE_MS = 300_000;

/**
 * Elements inside elements in one page (a list item in a list counts two). Far deeper than
 * any real guide (a table in a note in a step in a list is under 15), and shallow enough for
 * every recursive tree walk after the Markdown stage (HTML, DOCX, PDF, the parsers' own).
 */
export const MAX_NESTING_DEPTH = 100;

/**
 * Elements in one page's tree (a link, an emphasis, a table cell, a list item each count one).
 * The whole guide has some 1,100 (its largest page 124); a page of 10,000 links builds HTML
 * and Word in about 350 MB. Memory grows with elements (the Markdown parsers hold several
 * objects for each), so a page of 100,000 links, which took 2.5 GB (and, for the PDF, a print
 * that timed out), is refused instead, before it is parsed.
 */
export const MAX_PAGE_ELEMENTS = 10_000;

/** Elements in all pages together: what bounds the build's memory whatever the page count. */
export const MAX_HANDBOOK_ELEMENTS = 40_000;

/**
 * Editions built at once by `--edition all` (src/editions/build-all.ts): two, so one edition's
 * front half, HTML and DOCX run here while another's PDF prints in Chromium (2 cores); more
 * would only hold more editions in memory.
 */
export const EDITIONS_IN_FLIGHT = 2;
