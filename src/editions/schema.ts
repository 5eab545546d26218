/**
 * `editions:` in handbook.yml: one guide, an edition per organisation. Each edition is applied
 * once, upstream (src/editions/apply-*.ts), so the renderers never decide editions themselves.
 */
import { z } from 'zod';
import { LARGE_PRINT_MAX_PT, LARGE_PRINT_MIN_PT } from '../large-print.js';

const HEX = /^#[0-9a-fA-F]{6}$/;
const hex = z.string().regex(HEX, 'a colour as #RRGGBB, e.g. #005eb8');

/** Ids name folders (`dist/<id>/`) and appear in Liquid: lower-case letters, digits, hyphens. */
export const EDITION_ID = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

const lines = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]);

export const organisationSchema = z
  .object({
    name: z.string().min(1),
    /** An image of the source tree (a site path such as /assets/images/logo.png). */
    logo: z.string().min(1).optional(),
    /** The logo's text alternative; default: "<name> logo". */
    logoAlt: z.string().min(1).optional(),
    /** Postal address: one string or one line per item. */
    address: lines.optional(),
    /** Contact block (telephone, email, web): one string or one line per item. */
    contact: lines.optional(),
  })
  .strict();

export const colourSchema = z.union([
  hex,
  z
    .object({
      /** The brand colour: headings, links, rules and the cover band. */
      brand: hex,
      /** Text set on the brand colour (the cover band, card headings); default white. */
      text: hex.default('#ffffff'),
    })
    .strict(),
]);

export const localPagesSchema = z
  .object({
    /** A folder of the source tree holding the pages, e.g. `_editions/example-icb`. */
    from: z.string().min(1),
    /** Place them after this chapter (permalink or source path)… */
    after: z.string().min(1).optional(),
    /** …or as appendices after the reference list. */
    appendix: z.boolean().optional(),
  })
  .strict()
  .refine((p) => (p.after !== undefined) !== (p.appendix === true), {
    message: 'give either `after: <chapter>` or `appendix: true`',
    path: ['after'],
  });

export const largePrintSchema = z.union([
  z.literal(true),
  z
    .object({
      // In half points, as the build option takes them (src/large-print.ts).
      bodyPt: z.number().min(LARGE_PRINT_MIN_PT).max(LARGE_PRINT_MAX_PT).multipleOf(0.5),
    })
    .strict(),
]);

export const editionSchema = z
  .object({
    id: z
      .string()
      .regex(EDITION_ID, 'lower-case letters, digits and hyphens, e.g. north-icb')
      .refine((id) => id !== 'default' && id !== 'all', '"default" and "all" are reserved'),
    title: z.string().min(1).optional(),
    subtitle: z.string().min(1).optional(),
    organisation: organisationSchema.optional(),
    colour: colourSchema.optional(),
    pages: localPagesSchema.optional(),
    /** Chapters (permalink or source path) or sections (`/guide/x#id`, or a heading id). */
    leaveOut: z.array(z.string().min(1)).default([]),
    /** `{{ site.edition.<key> }}` in pages. */
    variables: z.record(z.union([z.string(), z.number(), z.boolean()])).default({}),
    largePrint: largePrintSchema.optional(),
  })
  .strict();

export const editionsSchema = z
  .array(editionSchema)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((e, i) => {
      if (seen.has(e.id))
        ctx.addIssue({
          code: 'custom',
          path: [i, 'id'],
          message: `edition "${e.id}" is given twice`,
        });
      seen.add(e.id);
    });
  })
  .optional();

export type EditionConfig = z.infer<typeof editionSchema>;
