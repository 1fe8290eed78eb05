// GET /api/v1/ingest/stats — what the OTLP receiver took in, stored, ignored and refused
import { getIngestStats } from '@/lib/db/queries/get-ingest-stats';
import { withApiToken } from '@/lib/http/with-api-token';

export const dynamic = 'force-dynamic';

export const GET = withApiToken(async (_request, { db }) => Response.json(await getIngestStats(db)));
