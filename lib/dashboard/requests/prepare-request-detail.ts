// Every stored attribute of one call, grouped and labelled for the explorer's detail drawer.
// Nothing stored is left out: an absent value reads "—" (or "(none)" for an empty string).
import { statusLabel } from '@/lib/dashboard/status-style';
import type { StoredRequest } from '@/lib/db/queries/stored-request';
import { type FormattedErrorBody, formatErrorBody } from './format-error-body';
import { formatDuration, formatEndpoint, formatStatus, formatUtcTime } from './prepare-request-row';

export interface DetailField {
  term: string;
  /** A list renders one item per value (error keys). */
  value: string | string[];
  /** Ids, hashes and header values read better in a monospace font. */
  mono?: boolean;
  /** Where the value links to, relative to the site root (without the view query). */
  href?: string;
}

export interface DetailSection {
  title: string;
  fields: DetailField[];
}

export interface RequestDetail {
  /** "429 Too Many Requests · GET cc1.voiso.com/api/v4/users". */
  title: string;
  statusClass: string;
  sections: DetailSection[];
  errorBody: FormattedErrorBody | null;
}

// The rounded figure, plus the exact one when rounding changed it.
function durationText(ms: number): string {
  const rounded = formatDuration(ms);
  return rounded === `${ms} ms` ? rounded : `${rounded} (${ms} ms)`;
}

const orDash = (v: string | null) => (v === null ? '—' : v === '' ? '(none)' : v);

/** The FAULTLINE_EXTRA_ATTRIBUTES section: one field per kept attribute, strings as sent, the rest as JSON. */
function extraAttributesSection(extra: Record<string, unknown> | null): DetailSection[] {
  const entries = Object.entries(extra ?? {});
  if (entries.length === 0) return [];
  const fields = entries.map(([name, value]) => ({
    term: name,
    value: typeof value === 'string' ? orDash(value) : JSON.stringify(value),
    mono: true,
  }));
  return [{ title: 'Extra attributes', fields }];
}

export function prepareRequestDetail(r: StoredRequest): RequestDetail {
  const statusClass = r.statusClass;
  return {
    title: `${formatStatus(r.statusCode)} · ${formatEndpoint(r)}`,
    statusClass,
    sections: [
      {
        title: 'Call',
        fields: [
          { term: 'Call id', value: String(r.id), mono: true },
          { term: 'Started (UTC)', value: formatUtcTime(r.startMs) },
          { term: 'Duration', value: durationText(r.durationMs) },
          { term: 'Received (UTC)', value: formatUtcTime(r.receivedMs) },
          { term: 'Service', value: orDash(r.service) },
          { term: 'Environment', value: orDash(r.environment) },
          { term: 'Trace id', value: r.traceId, mono: true },
          { term: 'Span id', value: r.spanId, mono: true },
          { term: 'Parent span id', value: orDash(r.parentSpanId), mono: r.parentSpanId !== null },
          { term: 'Span name', value: orDash(r.spanName) },
        ],
      },
      {
        title: 'Endpoint',
        fields: [
          { term: 'Endpoint', value: formatEndpoint(r), href: `/endpoints/${encodeURIComponent(r.endpointId)}` },
          { term: 'Endpoint id', value: r.endpointId, mono: true },
          { term: 'Method', value: r.method },
          { term: 'Host', value: r.host, mono: true },
          { term: 'Route', value: r.route, mono: true },
        ],
      },
      {
        title: 'Outcome',
        fields: [
          { term: 'Status', value: r.statusCode === 0 ? `0 (${statusLabel('0')})` : formatStatus(r.statusCode) },
          { term: 'Status class', value: `${r.statusClass} (${statusLabel(r.statusClass)})` },
          { term: 'Error type', value: orDash(r.errorType), mono: r.errorType !== null },
          { term: r.errorKeys.length === 1 ? 'Error key' : 'Error keys', value: r.errorKeys.length ? r.errorKeys : '—' },
          { term: 'Retry-After', value: orDash(r.retryAfter), mono: r.retryAfter !== null },
          { term: 'Resend count', value: r.resendCount === null ? '—' : String(r.resendCount) },
        ],
      },
      {
        title: 'Key and headers',
        fields: [
          r.apiKeyFingerprint === ''
            ? { term: 'Key fingerprint', value: '(no key)' }
            : {
                term: 'Key fingerprint',
                value: r.apiKeyFingerprint,
                mono: true,
                href: `/keys/${encodeURIComponent(r.apiKeyFingerprint)}`,
              },
          { term: 'Key label', value: orDash(r.apiKeyLabel) },
          { term: 'Auth scheme', value: orDash(r.authScheme) },
          { term: 'Accept', value: orDash(r.accept), mono: r.accept !== null },
        ],
      },
      ...extraAttributesSection(r.extraAttributes),
    ],
    errorBody: formatErrorBody(r.errorBody),
  };
}
