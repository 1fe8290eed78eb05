// GET /api/v1/keys/{fingerprint} — one API key over a range: label, totals, statuses, endpoints, services
// PATCH /api/v1/keys/{fingerprint} — set the key's label and environment
import { parseQuery } from '@/lib/api/parse-query';
import { rangeFilterRequestSchema } from '@/lib/api/schemas/time-range-schema';
import { toRollupFilter } from '@/lib/api/to-rollup-filter';
import { decodeFingerprintParam } from '@/lib/dashboard/key/decode-fingerprint-param';
import { getKeyDetail } from '@/lib/dashboard/key/get-key-detail';
import { apiKeyToJson, keyDetailToJson } from '@/lib/dashboard/key/key-detail-to-json';
import { saveKeyLabels } from '@/lib/dashboard/key/save-key-labels';
import { ApiError } from '@/lib/http/api-error';
import { readJsonBody } from '@/lib/http/read-json-body';
import { withApiAuth } from '@/lib/http/with-api-auth';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ fingerprint: string }> };

// Two 100-character strings fit many times over, even \u-escaped.
const maxBodyBytes = 4096;
const bodyExample = '{"label": "billing worker", "environment": "production"}';

const notFound = (fingerprint: string) => new ApiError('not_found', `No API key with fingerprint "${fingerprint}" has been seen.`);

export async function GET(request: Request, context: Context): Promise<Response> {
  // withApiAuth passes handlers the request only, so the path parameter is closed over.
  const segment = (await context.params).fingerprint;
  return withApiAuth(async (req, { db }) => {
    const query = parseQuery(rangeFilterRequestSchema, req.url);
    const fingerprint = decodeFingerprintParam(segment);
    const detail = fingerprint === null ? null : await getKeyDetail(db, fingerprint, toRollupFilter(query));
    if (!detail) throw notFound(fingerprint ?? segment);
    return Response.json(keyDetailToJson(detail));
  })(request);
}

export async function PATCH(request: Request, context: Context): Promise<Response> {
  const segment = (await context.params).fingerprint;
  return withApiAuth(async (req, { db }) => {
    const fingerprint = decodeFingerprintParam(segment);
    if (fingerprint === null) throw notFound(segment);
    const result = await saveKeyLabels(db, fingerprint, await readJsonBody(req, { maxBytes: maxBodyBytes, example: bodyExample }));
    if (!result.ok) {
      throw result.problem === 'invalid' ? new ApiError('bad_request', `Invalid body: ${result.message}`) : notFound(fingerprint);
    }
    return Response.json({ key: apiKeyToJson(result.key) });
  })(request);
}
