// GET /api/v1/diagnoses — what went wrong in a time range and how to fix it, one finding per cause
import { parseQuery } from '@/lib/api/parse-query';
import { diagnosesRequestSchema } from '@/lib/api/schemas/diagnoses-request-schema';
import { runDiagnosis } from '@/lib/diagnose/run-diagnosis';
import { withApiAuth } from '@/lib/http/with-api-auth';

export const dynamic = 'force-dynamic';

export const GET = withApiAuth(async (request, { db }) => {
  const query = parseQuery(diagnosesRequestSchema, request.url);
  return Response.json({ diagnoses: await runDiagnosis(db, query) });
});
