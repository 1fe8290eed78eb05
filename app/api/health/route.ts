// GET /api/health — 200 when the database answers, 503 otherwise (for load balancers)
import { getDatabase } from '@/lib/db/client';
import { pingDatabase } from '@/lib/db/ping-database';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  // getDatabase() throws only on an unusable DATABASE_URL: that is "unavailable" too.
  const ok = await Promise.resolve()
    .then(() => pingDatabase(getDatabase()))
    .catch(() => false);
  return ok
    ? Response.json({ status: 'ok' })
    : Response.json({ status: 'unavailable', message: 'The database does not answer' }, { status: 503, headers: { 'Retry-After': '5' } });
}
