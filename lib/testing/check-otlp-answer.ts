// What a fuzz test accepts as an answer from POST /v1/traces to a malformed export: a
// status an OTLP exporter understands (200, possibly with partialSuccess; 400, 413 or 415 as
// a google.rpc.Status) in the request's encoding. Anything else, a 5xx above all, is a bug.
import { otlpProtoSchema } from '@/lib/otlp/otlp-proto-schema';
import { parseContentType } from '@/lib/otlp/parse-content-type';

export const acceptedFuzzStatuses = [200, 400, 413, 415] as const;

/** null when the answer is a proper OTLP answer, else what is wrong with it. */
export function checkOtlpAnswer(
  requestContentType: string | undefined,
  status: number,
  responseContentType: string | null,
  body: Uint8Array,
): string | null {
  if (!(acceptedFuzzStatuses as readonly number[]).includes(status)) return `status ${status}: ${preview(body)}`;
  const format = parseContentType(requestContentType) ?? 'json';
  const expectedType = format === 'protobuf' ? 'application/x-protobuf' : 'application/json';
  if (!responseContentType?.startsWith(expectedType)) return `status ${status} answered as ${responseContentType}, expected ${expectedType}`;
  try {
    if (status === 200) {
      if (format === 'protobuf') otlpProtoSchema.exportTraceServiceResponse.decode(body);
      else if (typeof JSON.parse(new TextDecoder().decode(body)) !== 'object') return 'a 200 whose JSON body is not an object';
      return null;
    }
    const error =
      format === 'protobuf'
        ? (otlpProtoSchema.rpcStatus.toObject(otlpProtoSchema.rpcStatus.decode(body), { defaults: true }) as { code: unknown; message: unknown })
        : (JSON.parse(new TextDecoder().decode(body)) as { code: unknown; message: unknown });
    if (typeof error.code !== 'number' || typeof error.message !== 'string' || error.message === '') {
      return `status ${status} without a google.rpc.Status body: ${preview(body)}`;
    }
    return null;
  } catch (err) {
    return `status ${status} with an undecodable ${format} body (${(err as Error).message}): ${preview(body)}`;
  }
}

function preview(body: Uint8Array): string {
  return Buffer.from(body.subarray(0, 300)).toString('utf8');
}
