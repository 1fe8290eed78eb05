// Turns a finished client span into what may leave the process: URLs without query or userinfo,
// no credential-bearing attributes, credentials in free text masked, and the captured error body.
import type { Attributes, AttributeValue } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { isCredentialHeaderAttribute } from '../scrub/credential-header-attribute';
import { redactSecrets } from '../scrub/redact-secrets';

export const errorBodyAttribute = 'faultline.error.body';

const urlAttributes = new Set(['url.full', 'http.url']);
const targetAttributes = new Set(['http.target', 'url.path']);
const droppedAttributes = new Set(['url.query']);

/** An absolute URL without userinfo, query and fragment; unparseable input loses everything after `?`. */
export function stripUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return url.toString();
  } catch {
    return raw.replace(/[?#].*$/s, '');
  }
}

function scrubValue(key: string, value: AttributeValue): AttributeValue {
  if (typeof value !== 'string') return value;
  if (urlAttributes.has(key)) return stripUrl(value);
  if (targetAttributes.has(key)) return value.replace(/[?#].*$/s, '');
  return redactSecrets(value);
}

/** Attributes safe to export; an error body (already bounded) is added when there is one. */
export function scrubAttributes(attributes: Attributes, errorBody?: string | null): Attributes {
  const safe: Attributes = {};
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || droppedAttributes.has(key) || isCredentialHeaderAttribute(key)) continue;
    safe[key] = scrubValue(key, value);
  }
  if (errorBody) safe[errorBodyAttribute] = redactSecrets(errorBody);
  return safe;
}

/** A read-only view of `span` with scrubbed attributes, events and name, for the exporter. */
export function exportableSpan(span: ReadableSpan, errorBody?: string | null): ReadableSpan {
  const attributes = scrubAttributes(span.attributes, errorBody);
  return {
    name: redactSecrets(stripUrlLike(span.name)),
    kind: span.kind,
    spanContext: () => span.spanContext(),
    parentSpanContext: span.parentSpanContext,
    startTime: span.startTime,
    endTime: span.endTime,
    status: span.status.message ? { ...span.status, message: redactSecrets(span.status.message) } : span.status,
    attributes,
    links: span.links,
    events: span.events.map((event) => ({
      ...event,
      attributes: event.attributes ? scrubAttributes(event.attributes) : undefined,
    })),
    duration: span.duration,
    ended: span.ended,
    resource: span.resource,
    instrumentationScope: span.instrumentationScope,
    droppedAttributesCount: span.droppedAttributesCount,
    droppedEventsCount: span.droppedEventsCount,
    droppedLinksCount: span.droppedLinksCount,
  };
}

// Some instrumentations name spans after the URL; keep the name but not its query.
function stripUrlLike(name: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(name) || name.includes('?') ? name.replace(/[?#].*$/s, '') : name;
}
