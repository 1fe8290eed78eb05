// POST /v1/traces — OTLP/HTTP trace ingest
import { authenticateBearer } from '@/lib/auth/authenticate-bearer';
import { type Database, getDatabase } from '@/lib/db/client';
import { recordIngestRejection } from '@/lib/db/record-ingest-rejection';
import { getEnv } from '@/lib/env';
import { decodeExportBody } from '@/lib/ingest/decode-pool/decode-export-body';
import { storeClassifiedExport } from '@/lib/ingest/ingest-export';
import { createIngestLimiter, type IngestLimiter } from '@/lib/ingest/ingest-limiter';
import { classifyIngestError, otlpErrorBody, otlpResponse, UnsupportedContentTypeError } from '@/lib/ingest/otlp-response';
import { encodeExportResponse } from '@/lib/otlp/encode-response';
import { parseContentType, readRequestBody } from '@/lib/otlp/read-body';

export const dynamic = 'force-dynamic';

let limiter: IngestLimiter | undefined;

export async function POST(request: Request): Promise<Response> {
  const format = parseContentType(request.headers.get('content-type'));
  // Errors answer in the request's encoding; JSON when the encoding is unknown.
  const answerAs = format ?? 'json';
  limiter ??= createIngestLimiter(getEnv().FAULTLINE_MAX_INFLIGHT_INGEST);
  const release = await limiter.acquire();
  if (!release) return otlpErrorBody(answerAs, 429, 'Faultline is busy; retry after the delay.', { 'Retry-After': '1' });
  let db: Database | undefined;
  try {
    db = getDatabase();
    const auth = await authenticateBearer(db, request.headers.get('authorization'), 'ingest');
    if (!auth.ok) return otlpErrorBody(answerAs, 401, auth.reason, { 'WWW-Authenticate': 'Bearer' });
    if (!format) throw new UnsupportedContentTypeError(request.headers.get('content-type'));

    const { FAULTLINE_MAX_BODY_BYTES: maxBytes, FAULTLINE_EXTRA_ATTRIBUTES: extraAttributeNames } = getEnv();
    const body = await readRequestBody(request, { maxBytes });
    const contentEncoding = request.headers.get('content-encoding');
    const classified = await decodeExportBody({ format, contentEncoding, body, maxBytes, extraAttributeNames });
    const outcome = await storeClassifiedExport(db, classified);
    const partial = outcome.rejected > 0 ? { rejectedSpans: outcome.rejected, errorMessage: outcome.rejectMessage } : null;
    return otlpResponse(encodeExportResponse(format, partial), 200);
  } catch (err) {
    const e = classifyIngestError(err);
    if (e.refused && db) await recordIngestRejection(db, { reason: e.message, spans: 0, wholeRequest: true }).catch(() => undefined);
    return otlpErrorBody(answerAs, e.status, e.message, e.retryAfter ? { 'Retry-After': e.retryAfter } : {});
  } finally {
    release();
  }
}
