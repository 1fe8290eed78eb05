// GET /api/v1/ingest/stats — what the OTLP receiver took in, stored, ignored and refused
import { getIngestStats } from '@/lib/db/queries/get-ingest-stats';
import { withApiAuth } from '@/lib/http/with-api-auth';

export const dynamic = 'force-dynamic';

export const GET = withApiAuth(async (_request, { db }) => Response.json(await getIngestStats(db)));
