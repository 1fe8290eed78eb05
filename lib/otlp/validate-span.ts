// Owns the per-span acceptance rules shared by the JSON and protobuf decoders.
import type { Attributes, DecodedSpan } from './decoded-span';
import type { SpanCandidate } from './span-candidate';

/**
 * How ids arrived: OTLP/JSON sends hex strings (which may be malformed in any way), protobuf
 * sends raw bytes that the decoder has already turned into hex (so only the length can be off).
 */
export type IdEncoding = 'hex' | 'bytes';

export interface SpanContext {
  idEncoding: IdEncoding;
  /** e.g. resourceSpans[0].scopeSpans[1].spans[2]; only built when a span is rejected. */
  location: () => string;
  resource: Attributes;
  scopeName: string;
}

export type SpanValidation = { ok: true; span: DecodedSpan } | { ok: false; reason: string };

const HEX = /^[0-9a-f]*$/;
const ALL_ZEROS = /^0*$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const MAX_SHOWN_CHARS = 48;

function shown(value: string): string {
  return value.length > MAX_SHOWN_CHARS ? `${value.slice(0, MAX_SHOWN_CHARS)}…` : value;
}

/** base64 that decodes to exactly the id's byte length is almost certainly a mis-encoded id. */
function looksLikeBase64Id(value: string, byteLength: number): boolean {
  if (!BASE64.test(value) || HEX.test(value.toLowerCase())) return false;
  const unpadded = value.replace(/=+$/, '').length;
  return Math.floor((unpadded * 6) / 8) === byteLength;
}

/** Returns the lower-case hex id, or the problem with it. */
function checkId(
  field: string,
  raw: string,
  byteLength: number,
  encoding: IdEncoding,
): { id: string } | { problem: string } {
  if (raw === '') return { problem: `${field} is missing` };
  const hexLength = byteLength * 2;
  if (encoding === 'bytes') {
    if (raw.length !== hexLength) {
      return {
        problem: `${field} 0x${shown(raw)} must be ${byteLength} bytes, got ${raw.length / 2}`,
      };
    }
  } else {
    const lower = raw.toLowerCase();
    if (lower.length !== hexLength || !HEX.test(lower)) {
      const hint = looksLikeBase64Id(raw, byteLength)
        ? ' (it looks base64-encoded; OTLP/JSON encodes trace and span ids as hex, not base64)'
        : '';
      return {
        problem: `${field} "${shown(raw)}" must be ${hexLength} hex characters (${byteLength} bytes)${hint}`,
      };
    }
    raw = lower;
  }
  if (ALL_ZEROS.test(raw)) return { problem: `${field} ${raw} is all zeros, which is not a valid id` };
  return { id: raw };
}

function checkParentId(raw: string, encoding: IdEncoding): { id: string | null } | { problem: string } {
  if (raw === '') return { id: null };
  const checked = checkId('parentSpanId', raw, 8, encoding);
  // Some exporters write an all-zero parent for root spans; that still means "no parent".
  if ('problem' in checked) return ALL_ZEROS.test(raw) && raw.length === 16 ? { id: null } : checked;
  return checked;
}

function checkTimes(
  start: bigint | null,
  end: bigint | null,
): { start: bigint; end: bigint } | { problem: string } {
  if (start === null || start === 0n) return { problem: 'startTimeUnixNano is missing or 0' };
  if (end === null || end === 0n) return { problem: 'endTimeUnixNano is missing or 0' };
  if (end < start) {
    return { problem: `endTimeUnixNano ${end} is before startTimeUnixNano ${start}` };
  }
  return { start, end };
}

export function validateSpan(candidate: SpanCandidate, context: SpanContext): SpanValidation {
  const reject = (problem: string): SpanValidation => {
    const label = candidate.name === '' ? 'span' : `span "${shown(candidate.name)}"`;
    return { ok: false, reason: `${label} in ${context.location()}: ${problem}` };
  };

  const traceId = checkId('traceId', candidate.traceId, 16, context.idEncoding);
  if ('problem' in traceId) return reject(traceId.problem);
  const spanId = checkId('spanId', candidate.spanId, 8, context.idEncoding);
  if ('problem' in spanId) return reject(spanId.problem);
  const parent = checkParentId(candidate.parentSpanId, context.idEncoding);
  if ('problem' in parent) return reject(parent.problem);
  const times = checkTimes(candidate.startTimeUnixNano, candidate.endTimeUnixNano);
  if ('problem' in times) return reject(times.problem);

  return {
    ok: true,
    span: {
      traceId: traceId.id,
      spanId: spanId.id,
      parentSpanId: parent.id,
      name: candidate.name,
      kind: candidate.kind,
      startTimeUnixNano: times.start,
      endTimeUnixNano: times.end,
      statusCode: candidate.statusCode,
      attributes: candidate.attributes,
      resource: context.resource,
      scopeName: context.scopeName,
    },
  };
}
