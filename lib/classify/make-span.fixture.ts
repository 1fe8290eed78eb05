// Test-only factory for DecodedSpans: a successful Voiso client call unless told otherwise.
import { type AttributeValue, type Attributes, type DecodedSpan, SpanKind } from '@/lib/otlp/decoded-span';
import type { ClassifiedRequest, SpanClassification } from './classified-request';

/** Attribute overrides; `undefined` deletes a default attribute. */
type AttributeOverrides = Record<string, AttributeValue | undefined>;

export interface SpanOverrides extends Partial<Omit<DecodedSpan, 'attributes' | 'resource'>> {
  attributes?: AttributeOverrides;
  resource?: AttributeOverrides;
  /** Start from no attributes at all instead of the default HTTP client ones. */
  bareAttributes?: boolean;
}

export const defaultAttributes: Attributes = {
  'http.request.method': 'GET',
  'http.response.status_code': 200,
  'url.full': 'https://acme.voiso.com/api/v4/users',
  'server.address': 'acme.voiso.com',
  'server.port': 443,
};

function merge(base: Attributes, overrides: AttributeOverrides = {}): Attributes {
  const merged: Attributes = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** A DecodedSpan for tests; attributes and resource are merged over the defaults. */
export function makeSpan(overrides: SpanOverrides = {}): DecodedSpan {
  const { attributes, resource, bareAttributes, ...rest } = overrides;
  return {
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: '00f067aa0ba902b7',
    parentSpanId: null,
    name: 'GET',
    kind: SpanKind.CLIENT,
    startTimeUnixNano: 1_700_000_000_123_456_789n,
    endTimeUnixNano: 1_700_000_000_123_456_789n + 250_500_000n,
    statusCode: 0,
    scopeName: '@opentelemetry/instrumentation-undici',
    ...rest,
    attributes: merge(bareAttributes ? {} : defaultAttributes, attributes),
    resource: merge({ 'service.name': 'billing-worker', 'deployment.environment.name': 'production' }, resource),
  };
}

/** The request of a classification, failing the test with the ignore reason otherwise. */
export function requestOf(classification: SpanClassification): ClassifiedRequest {
  if (classification.kind !== 'request') throw new Error(`span was ignored: ${classification.reason}`);
  return classification.request;
}
