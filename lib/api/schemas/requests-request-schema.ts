// Query strings of /api/v1/requests and /api/v1/requests/{id}. The field schemas are also
// what the request explorer page validates its URL with, so both accept the same values.
import { z } from 'zod';
import { hasNoNul, nulMessage } from './reject-nul';
import { decodeRequestCursor } from '@/lib/dashboard/requests/request-cursor';
import { rangeFilterRequestSchema } from './time-range-schema';

/** requests.id is a 32-bit integer on PostgreSQL. */
export const maxRequestId = 2_147_483_647;
const maxStatuses = 20;

/** `429` or `401,403`; 0 means "no response". */
export const statusListSchema = z
  .string()
  .transform((v) => v.split(',').map((c) => c.trim()).filter(Boolean))
  .refine((codes) => codes.length > 0 && codes.length <= maxStatuses, `status must list 1 to ${maxStatuses} status codes`)
  .refine(
    (codes) => codes.every((c) => /^\d{1,3}$/.test(c) && (Number(c) === 0 || (Number(c) >= 100 && Number(c) <= 599))),
    'status must be HTTP status codes (100-599) separated by commas, or 0 for calls without a response',
  )
  .transform((codes) => [...new Set(codes.map(Number))]);

export const statusClassValues = ['1xx', '2xx', '3xx', '4xx', '5xx', 'network'] as const;

export const statusClassSchema = z.enum(statusClassValues, {
  error: `class must be one of ${statusClassValues.join(', ')}`,
});

export const errorKeySchema = z
  .string()
  .min(1, 'errorKey must not be empty')
  .max(512, 'errorKey is at most 512 characters')
  .refine(hasNoNul, `errorKey ${nulMessage}`);

export const failedSchema = z.enum(['true', 'false'], { error: 'failed must be true or false' }).transform((v) => v === 'true');

export const cursorSchema = z.string().transform((v, ctx) => {
  const cursor = decodeRequestCursor(v);
  if (!cursor) {
    ctx.addIssue({ code: 'custom', message: 'cursor is not a cursor this server returned; start again without it' });
    return z.NEVER;
  }
  return cursor;
});

export const requestIdSchema = z
  .string()
  .regex(/^\d{1,10}$/, 'id must be a positive whole number')
  .transform(Number)
  .refine((id) => id >= 1 && id <= maxRequestId, 'id must be a positive whole number');

export const requestsRequestSchema = z
  .object({
    status: statusListSchema.optional(),
    class: statusClassSchema.optional(),
    errorKey: errorKeySchema.optional(),
    failed: failedSchema.optional(),
    limit: z
      .string()
      .regex(/^\d{1,3}$/, 'limit must be a whole number from 1 to 500')
      .transform(Number)
      .refine((n) => n >= 1 && n <= 500, 'limit must be a whole number from 1 to 500')
      .default(100),
    cursor: cursorSchema.optional(),
  })
  .and(rangeFilterRequestSchema);

export type RequestsRequest = z.infer<typeof requestsRequestSchema>;

export const requestDetailRequestSchema = z.object({ id: requestIdSchema });
