// Owns the fast path for OTLP/JSON spans in the canonical form exporters send: ids and names as
// strings, kind and status code as integers (or their enum names), times as decimal strings or
// integers, canonical attributes. The zod span schema runs ~30 nodes per span for this; here the
// answer is computed directly. Anything else returns undefined so the schema decides (answer or
// issues), as for attributes (canonical-attributes-json.ts): never a different outcome.
import type { SpanCandidate } from '../span-candidate';
import { canonicalAttributes } from './canonical-attributes-json';
import { SPAN_KIND_NAMES, STATUS_CODE_NAMES } from './otlp-json-enums';

const UINT64_MAX = 2n ** 64n - 1n;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;
const DIGITS = /^\d+$/;

type Maybe<T> = T | undefined;

/** The schema's answer for an absent field, or undefined for anything but a string. */
function optionalString(value: unknown): Maybe<string | null> {
  if (value === undefined) return null;
  return typeof value === 'string' ? value : undefined;
}

/** An enum as an int32 number (never -0) or one of its own names; absent is 0. */
function enumValue(value: unknown, names: Record<string, number>): Maybe<number> {
  if (value === undefined) return 0;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) return undefined;
    return value === 0 ? 0 : value;
  }
  if (typeof value === 'string' && Object.hasOwn(names, value)) return names[value];
  return undefined;
}

/** A fixed64 time: absent is null; a decimal string or a non-negative integer within 64 bits. */
function timeValue(value: unknown): Maybe<bigint | null> {
  if (value === undefined) return null;
  let parsed: bigint;
  if (typeof value === 'string' && DIGITS.test(value)) parsed = BigInt(value);
  else if (typeof value === 'number' && Number.isInteger(value)) parsed = BigInt(value);
  else return undefined;
  return parsed >= 0n && parsed <= UINT64_MAX ? parsed : undefined;
}

/** Status: absent is code 0; its message, if any, must be a string (the schema checks it). */
function statusCode(value: unknown): Maybe<number> {
  if (value === undefined) return 0;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  for (const name in value) if (name.includes('_')) return undefined;
  const status = value as { code?: unknown; message?: unknown };
  if (optionalString(status.message) === undefined) return undefined;
  return enumValue(status.code, STATUS_CODE_NAMES);
}

/** The candidate the zod span schema would produce for `value`, or undefined when it is not canonical. */
export function canonicalSpan(value: unknown): Maybe<SpanCandidate> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  // A snake_case member could be renamed onto a known one (trace_id → traceId): the schema's business.
  for (const name in value) if (name.includes('_')) return undefined;
  const span = value as Record<string, unknown>;
  const traceId = optionalString(span.traceId);
  const spanId = optionalString(span.spanId);
  const parentSpanId = optionalString(span.parentSpanId);
  const name = optionalString(span.name);
  const kind = enumValue(span.kind, SPAN_KIND_NAMES);
  const startTimeUnixNano = timeValue(span.startTimeUnixNano);
  const endTimeUnixNano = timeValue(span.endTimeUnixNano);
  const code = statusCode(span.status);
  const attributes = canonicalAttributes(span.attributes);
  if (
    traceId === undefined ||
    spanId === undefined ||
    parentSpanId === undefined ||
    name === undefined ||
    kind === undefined ||
    startTimeUnixNano === undefined ||
    endTimeUnixNano === undefined ||
    code === undefined ||
    attributes === undefined
  ) {
    return undefined;
  }
  return {
    traceId: traceId ?? '',
    spanId: spanId ?? '',
    parentSpanId: parentSpanId ?? '',
    name: name ?? '',
    kind,
    startTimeUnixNano,
    endTimeUnixNano,
    statusCode: code,
    attributes,
  };
}
