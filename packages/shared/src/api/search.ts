import { z } from 'zod';
import { PartialErrorSchema } from './common.js';
import { ProjectNameSchema } from './names.js';

export const SearchKindSchema = z.enum([
  'projects',
  'stages',
  'warehouses',
  'freight',
  'promotions',
]);
export type SearchKind = z.infer<typeof SearchKindSchema>;

/** One thing search found, in the project it lives in (a project: itself). */
export const SearchHitSchema = z.object({
  project: z.string(),
  kind: SearchKindSchema,
  name: z.string(),
  /** A freight's alias. */
  alias: z.string().optional(),
  /** What else tells it apart: a freight's origin and why it matched, a promotion's stage. */
  detail: z.string().optional(),
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/**
 * GET /api/v1/search: projects by name, stages, warehouses, freight (name, alias, image tag, chart version, commit
 * SHA prefix or message) and promotions of every project the caller may see, grouped by kind,
 * answered from the BFF's cache.
 */
export const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'Type something to search for.').max(200),
  project: ProjectNameSchema.optional().describe('Only this project'),
  limit: z.coerce.number().int().min(1).max(50).default(8).describe('Hits per kind'),
});
export type SearchQuery = z.infer<typeof SearchQuerySchema>;

export const SearchResultSchema = z.object({
  q: z.string(),
  groups: z.object({
    projects: z.array(SearchHitSchema),
    stages: z.array(SearchHitSchema),
    warehouses: z.array(SearchHitSchema),
    freight: z.array(SearchHitSchema),
    promotions: z.array(SearchHitSchema),
  }),
  /** How many hits each kind had before the limit. */
  totals: z.object({
    projects: z.number().int().nonnegative(),
    stages: z.number().int().nonnegative(),
    warehouses: z.number().int().nonnegative(),
    freight: z.number().int().nonnegative(),
    promotions: z.number().int().nonnegative(),
  }),
  /** How many projects were searched (those the caller may see). */
  projects: z.number().int().nonnegative(),
  errors: z.array(PartialErrorSchema),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;
