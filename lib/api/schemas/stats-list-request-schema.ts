// Query string of GET /api/v1/endpoints and GET /api/v1/keys: a time range and filters plus
// the order, size and failing-only switch of the list.
import { z } from 'zod';
import { rangeFilterRequestSchema } from './time-range-schema';

/** How a stats list is sorted: most failed calls first, or most calls first. */
export const statsOrderSchema = z.enum(['errors', 'total'], 'order must be "errors" or "total"');

export const maxStatsListLimit = 500;

export const statsListRequestSchema = z
  .object({
    order: statsOrderSchema.default('errors'),
    limit: z
      .string()
      .default('50')
      .refine((v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= maxStatsListLimit, `limit must be a whole number from 1 to ${maxStatsListLimit}`)
      .transform(Number),
    failing: z.enum(['true', 'false'], 'failing must be "true" or "false"').default('false').transform((v) => v === 'true'),
  })
  .and(rangeFilterRequestSchema);

export type StatsListRequest = z.infer<typeof statsListRequestSchema>;
