// Classifies one decoded span: an outbound HTTP call becomes a ClassifiedRequest, anything else is ignored.
import { type AttributeValue, type DecodedSpan, SpanKind } from '@/lib/otlp/decoded-span';
import { redactSecretsWithin } from '@/lib/scrub/redact-secrets';
import { selectExtraAttributes } from '@/lib/scrub/select-extra-attributes';
import { type AttributeReader, attributeReader } from './attribute-reader';
import type { AuthScheme, ClassifiedRequest, SpanClassification } from './classified-request';
import { endpointId } from './endpoint-id';
import { normalizeStatusCode, statusClassOf } from './normalize-status-code';
import { parseErrorKeys } from './parse-error-keys';
import { resolveHost } from './resolve-host';
import { sanitizeSpanName } from './sanitize-span-name';
import { splitUrl, type UrlParts } from './split-url';
import { templateRoute } from './template-route';
import { truncateUtf8 } from './truncate-utf8';

export const maxErrorBodyBytes = 4096;
// Free-text columns are capped so one odd SDK cannot bloat every row of a group.
const maxLabelLength = 256;
const maxHeaderLength = 512;
const maxErrorTypeLength = 200;
// Secrets are redacted before those caps, within this much text: a huge body costs no more.
const errorBodyScanChars = 64 * 1024;
const fieldScanChars = 2048;

const ignoredKinds: ReadonlyMap<number, string> = new Map([
  [SpanKind.SERVER, 'server span'],
  [SpanKind.PRODUCER, 'producer span'],
  [SpanKind.CONSUMER, 'consumer span'],
]);
// Some SDKs leave client spans UNSPECIFIED or INTERNAL; the HTTP attributes decide for them.
const acceptedKinds: ReadonlySet<number> = new Set([SpanKind.UNSPECIFIED, SpanKind.INTERNAL, SpanKind.CLIENT]);

// An RFC 9110 token; anything else is not a method we want as part of an endpoint's identity.
const methodToken = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,32}$/;
// A fingerprint, never a raw key: "Bearer sk_..." (with its space) is refused rather than stored.
const fingerprintPattern = /^[A-Za-z0-9._:~+/=-]{1,128}$/;
const authSchemes: ReadonlySet<string> = new Set<AuthScheme>(['bearer', 'other', 'none']);

function readMethod(attrs: AttributeReader): string | null {
  const method = attrs.string('http.request.method', 'http.method');
  if (method === null) return null;
  // Semconv sends unknown methods as _OTHER and the real one alongside.
  const candidate = method === '_OTHER' ? attrs.string('http.request.method_original') : method;
  return candidate !== null && methodToken.test(candidate) ? candidate.toUpperCase() : '_OTHER';
}

function readStatusCode(attrs: AttributeReader): number | null {
  return (
    normalizeStatusCode(attrs.raw('http.response.status_code')) ?? normalizeStatusCode(attrs.raw('http.status_code'))
  );
}

function readUrl(attrs: AttributeReader): UrlParts | null {
  for (const key of ['url.full', 'http.url']) {
    const value = attrs.string(key);
    const parts = value === null ? null : splitUrl(value);
    if (parts !== null) return parts;
  }
  return null;
}

function readRoute(attrs: AttributeReader, url: UrlParts | null): string {
  const candidates = [attrs.string('url.template'), url?.path, attrs.string('url.path'), attrs.string('http.target')];
  return templateRoute(candidates.find((path) => path !== null && path !== undefined && path !== '') ?? '');
}

/** The captured error body as text; SDKs that send it as a map or list get it re-serialised. */
function readErrorBody(value: AttributeValue | undefined): string | null {
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return null;
}

function readAuthScheme(attrs: AttributeReader): AuthScheme {
  const scheme = attrs.string('faultline.auth.scheme')?.toLowerCase() ?? '';
  return authSchemes.has(scheme) ? (scheme as AuthScheme) : '';
}

function readFingerprint(attrs: AttributeReader): string {
  const fingerprint = attrs.string('faultline.api_key.fingerprint');
  return fingerprint !== null && fingerprintPattern.test(fingerprint) ? fingerprint : '';
}

function capped(value: string | null, max: number): string | null {
  return value === null ? null : value.slice(0, max);
}

/** Free text as stored: credentials redacted first, so the cap cannot cut one into something unrecognisable. */
function redactedCapped(value: string | null, max: number): string | null {
  return capped(value === null ? null : redactSecretsWithin(value, fieldScanChars), max);
}

function timing(span: DecodedSpan): { startMs: number; durationMs: number } {
  const elapsedNs = span.endTimeUnixNano - span.startTimeUnixNano;
  // Whole microseconds: 3 decimals of a millisecond, without float noise like 1.2000000000000002.
  const elapsedUs = elapsedNs > 0n ? Number(elapsedNs / 1000n) + (elapsedNs % 1000n >= 500n ? 1 : 0) : 0;
  return { startMs: Number(span.startTimeUnixNano / 1_000_000n), durationMs: elapsedUs / 1000 };
}

export interface ClassifyOptions {
  /** FAULTLINE_EXTRA_ATTRIBUTES: attribute names, or "prefix.*", to keep beyond the ones Faultline reads. */
  extraAttributeNames?: readonly string[];
}

/**
 * One span as an outbound HTTP call, or the reason it is not one: a server/producer/consumer
 * span, no request method, or neither a response status nor an error.type. Errors are judged
 * by status code (>= 400, or no response at all), never by the span status. Only the attributes
 * Faultline reads, plus the listed extra ones, are kept; free text has its secrets redacted.
 */
export function classifySpan(span: DecodedSpan, options: ClassifyOptions = {}): SpanClassification {
  const ignoredKind = ignoredKinds.get(span.kind);
  if (ignoredKind !== undefined) return { kind: 'ignored', reason: ignoredKind };
  if (!acceptedKinds.has(span.kind)) return { kind: 'ignored', reason: `unknown span kind ${span.kind}` };

  const attrs = attributeReader(span.attributes);
  const method = readMethod(attrs);
  if (method === null) return { kind: 'ignored', reason: 'not an HTTP call (no http.request.method)' };
  const responseStatus = readStatusCode(attrs);
  const errorTypeAttr = redactedCapped(attrs.string('error.type'), maxErrorTypeLength);
  if (responseStatus === null && errorTypeAttr === null) {
    return { kind: 'ignored', reason: 'no response status and no error.type' };
  }

  const statusCode = responseStatus ?? 0;
  const isError = statusCode === 0 || statusCode >= 400;
  const url = readUrl(attrs);
  const host = resolveHost({
    address: attrs.string('server.address', 'net.peer.name'),
    url,
    hostHeader: attrs.string('http.host'),
    port: attrs.integer('server.port', 'net.peer.port'),
    scheme: attrs.string('url.scheme', 'http.scheme'),
  });
  const route = readRoute(attrs, url);
  const rawBody = isError ? readErrorBody(attrs.raw('faultline.error.body')) : null;
  // Keys come from the redacted body, so nothing derived from it can carry a secret either.
  const body = rawBody === null ? null : redactSecretsWithin(rawBody, errorBodyScanChars);
  const errorKeys =
    statusCode === 0 && errorTypeAttr !== null ? [errorTypeAttr] : parseErrorKeys(statusCode, body);
  const resource = attributeReader(span.resource);
  const resendCount = attrs.integer('http.request.resend_count');

  const request: ClassifiedRequest = {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    spanName: sanitizeSpanName(span.name),
    ...timing(span),
    service: capped(resource.string('service.name') ?? attrs.string('service.name'), maxLabelLength) ?? 'unknown_service',
    environment: capped(resource.string('deployment.environment.name', 'deployment.environment'), maxLabelLength) ?? '',
    method,
    host,
    route,
    endpointId: endpointId(method, host, route),
    statusCode,
    statusClass: statusClassOf(statusCode),
    isError,
    errorType: isError ? errorTypeAttr : null,
    errorKeys,
    errorBody: body === null ? null : truncateUtf8(body, maxErrorBodyBytes),
    apiKeyFingerprint: readFingerprint(attrs),
    authScheme: readAuthScheme(attrs),
    accept: redactedCapped(attrs.header('http.request.header.accept'), maxHeaderLength),
    retryAfter: redactedCapped(attrs.header('http.response.header.retry-after'), maxHeaderLength),
    resendCount: resendCount !== null && resendCount >= 0 ? resendCount : null,
    extraAttributes: selectExtraAttributes(span.attributes, options.extraAttributeNames ?? []),
  };
  return { kind: 'request', request };
}
