// Validates a URL's query string against a schema; failures become a 400 that names
// every bad parameter.
import type { z } from 'zod';
import { ApiError } from '@/lib/http/api-error';

export function parseQuery<S extends z.ZodType>(schema: S, url: string): z.infer<S> {
  const params = Object.fromEntries(new URL(url).searchParams.entries());
  const parsed = schema.safeParse(params);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    throw new ApiError('bad_request', `Invalid query: ${details.join('; ')}`);
  }
  return parsed.data;
}
