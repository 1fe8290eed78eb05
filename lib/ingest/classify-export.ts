// Owns turning a decoded OTLP export into the calls to store: classify every span, keep the
// HTTP client calls, count the rest as ignored, and carry the decoder's rejections along.
// Pure and synchronous, so it can run wherever decoding runs.
import { classifySpan } from '@/lib/classify/classify-span';
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import type { IngestTally } from '@/lib/db/save-request-batch';
import type { DecodedExport } from '@/lib/otlp/decoded-span';

export interface ClassifiedExport {
  requests: ClassifiedRequest[];
  tally: IngestTally;
  /** Distinct reasons for the spans the decoder rejected; empty when none were. */
  rejectReasons: string[];
}

export function classifyExport(decoded: DecodedExport, extraAttributeNames: readonly string[]): ClassifiedExport {
  const requests: ClassifiedRequest[] = [];
  let ignored = 0;
  const options = { extraAttributeNames };
  for (const span of decoded.spans) {
    const c = classifySpan(span, options);
    if (c.kind === 'request') requests.push(c.request);
    else ignored += 1;
  }
  const received = decoded.spans.length + decoded.rejectedSpans;
  return { requests, tally: { received, ignored, rejected: decoded.rejectedSpans }, rejectReasons: decoded.rejectReasons };
}
