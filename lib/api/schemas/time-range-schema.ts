// Query-string schemas of the read API, shared by the routes, their tests and their types.
import { z } from 'zod';
import { hasNoNul, nulMessage } from './reject-nul';

const maxRangeMs = 400 * 24 * 3_600_000;
const defaultRangeMs = 3_600_000;

// Strict ISO-8601 with Z or an offset: Date.parse alone accepts "1" or local-time strings.
const isoTime = (name: string) =>
  z.iso
    .datetime({ offset: true, error: `${name} must be an ISO-8601 time with Z or an offset, e.g. 2026-01-31T12:00:00Z` })
    .transform((v) => Date.parse(v));

const filterValue = z.string().min(1).max(512).refine(hasNoNul, nulMessage);

/** from/to (default: the last hour) plus the optional dimension filters. */
export const rangeFilterRequestSchema = z
  .object({
    from: isoTime('from').optional(),
    to: isoTime('to').optional(),
    service: filterValue.optional(),
    environment: z.string().max(512).refine(hasNoNul, nulMessage).optional(),
    endpoint: filterValue.optional(),
    key: filterValue.optional(),
  })
  .transform(({ from, to, ...filters }, ctx) => {
    const toMs = to ?? Date.now();
    const fromMs = from ?? toMs - defaultRangeMs;
    if (fromMs >= toMs) ctx.addIssue({ code: 'custom', path: ['from'], message: 'from must be before to' });
    if (toMs - fromMs > maxRangeMs) ctx.addIssue({ code: 'custom', path: ['from'], message: 'the range may span at most 400 days' });
    return { fromMs, toMs, ...filters };
  });

export type RangeFilterRequest = z.infer<typeof rangeFilterRequestSchema>;

const maxPoints = 10_000;
const statusSelector = /^([1-5]\d\d|[1-5]xx|network)$/;

export const timeseriesRequestSchema = z
  .object({
    codes: z
      .string()
      .default('401,403,429')
      .transform((v) => v.split(',').map((c) => c.trim()).filter(Boolean))
      .refine((codes) => codes.length > 0 && codes.length <= 20, 'codes must list 1 to 20 status codes or classes')
      .refine((codes) => codes.every((c) => statusSelector.test(c)), 'codes must be status codes (401), classes (4xx) or "network"'),
    step: z
      .string()
      .default('60')
      .refine((v) => /^\d+$/.test(v) && Number(v) >= 60 && Number(v) % 60 === 0, 'step must be a whole number of minutes in seconds (60, 300, 3600, ...)')
      .transform(Number),
  })
  .and(rangeFilterRequestSchema)
  .superRefine((v, ctx) => {
    if ((v.toMs - v.fromMs) / (v.step * 1000) > maxPoints) {
      ctx.addIssue({ code: 'custom', path: ['step'], message: `step is too small for the range: at most ${maxPoints} points per series` });
    }
  });

export type TimeseriesRequest = z.infer<typeof timeseriesRequestSchema>;
