// Turns a decoded OTLP export into stored calls: classify every span, store the HTTP
// client calls in one batch, count the rest as ignored, and remember why spans were dropped.
import { classifySpan } from '@/lib/classify/classify-span';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import type { Database } from '@/lib/db/client';
import { recordIngestRejection } from '@/lib/db/record-ingest-rejection';
import { saveRequestBatch } from '@/lib/db/save-request-batch';
import { getEnv } from '@/lib/env';
import type { DecodedExport } from '@/lib/otlp/decoded-span';

export interface IngestOutcome {
  received: number;
  stored: number;
  duplicates: number;
  ignored: number;
  rejected: number;
  /** For the OTLP partialSuccess.errorMessage; '' when nothing was rejected. */
  rejectMessage: string;
}

export async function ingestExport(db: Database, decoded: DecodedExport, receivedMs = Date.now()): Promise<IngestOutcome> {
  const requests: ClassifiedRequest[] = [];
  let ignored = 0;
  const options = { extraAttributeNames: getEnv().FAULTLINE_EXTRA_ATTRIBUTES };
  for (const span of decoded.spans) {
    const c = classifySpan(span, options);
    if (c.kind === 'request') requests.push(c.request);
    else ignored += 1;
  }
  const received = decoded.spans.length + decoded.rejectedSpans;
  const tally = { received, ignored, rejected: decoded.rejectedSpans };
  const saved = await saveRequestBatch(db, requests, tally, receivedMs);
  const rejectMessage = decoded.rejectReasons.join('; ');
  if (decoded.rejectedSpans > 0) {
    await recordIngestRejection(db, { reason: rejectMessage, spans: decoded.rejectedSpans, wholeRequest: false }, receivedMs);
  }
  return { received, ...saved, ignored, rejected: decoded.rejectedSpans, rejectMessage };
}
