/**
 * `handbook.yml`: the handbook's own settings, kept beside the Jekyll sources. Everything is
 * optional: with no file at all the handbook is built from `_config.yml` and the navigation
 * data ("zero configuration").
 */
import { z } from 'zod';
import { editionsSchema } from '../editions/schema.js';

const pageRef = z
  .string()
  .min(1)
  .describe('a permalink (/guide/kick-off) or a source path (guide/01-kick-off.md)');

export const partSchema = z
  .object({
    title: z.string().min(1),
    chapters: z.array(pageRef).min(1),
  })
  .strict();

export const appendixSchema = z
  .object({
    /** The page holding the reference list (permalink or source path). */
    page: pageRef.optional(),
    /** The section: a heading id or its text. */
    section: z.string().min(1).default('Information Governance'),
    title: z.string().min(1).default('Information Governance references'),
  })
  .strict();

export const handbookConfigSchema = z
  .object({
    title: z.string().min(1).optional(),
    subtitle: z.string().optional(),
    organisation: z.string().optional(),
    author: z.string().optional(),
    description: z.string().optional(),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(-[A-Z]{2})?$/, 'a BCP 47 tag such as en-GB')
      .default('en-GB'),
    /** Chapter order. Overrides navigation data and the `nextpage` chain. */
    chapters: z.array(pageRef).optional(),
    /** Or chapters grouped into parts. */
    parts: z.array(partSchema).optional(),
    /** `_data` files (without .yml) that describe the reading order; default: detected. */
    navigation: z.array(z.string().min(1)).optional(),
    /** Pages deliberately left out of the handbook (not reported as unreachable). */
    exclude: z.array(pageRef).default([]),
    /** What happens to pages that no navigation or nextpage reaches. */
    unreachable: z.enum(['append', 'exclude']).default('append'),
    /** Absent: the default section is used when the site has one, silently skipped when not. */
    appendix: appendixSchema.optional(),
    /** Release history for the document control page (a file in the source tree). */
    releases: z.string().default('releases.yml'),
    /** Editions of the guide (src/editions/schema.ts); the main guide is the default edition. */
    editions: editionsSchema,
  })
  .strict()
  .refine((c) => !(c.chapters && c.parts), {
    message: 'give either `chapters` or `parts`, not both',
    path: ['parts'],
  });

export type HandbookConfig = z.infer<typeof handbookConfigSchema>;

export const releaseEntrySchema = z
  .object({
    version: z.union([z.string(), z.number()]).transform(String),
    date: z
      .union([z.string(), z.date()])
      .transform((d) => (d instanceof Date ? d.toISOString().slice(0, 10) : d)),
    summary: z.string().min(1),
    author: z.string().optional(),
    approver: z.string().optional(),
  })
  .strict();

export const releasesFileSchema = z.array(releaseEntrySchema);
export type ReleaseEntry = z.infer<typeof releaseEntrySchema>;
