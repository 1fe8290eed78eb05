// What one row of the request explorer's table shows: times in UTC, the status as code and
// reason phrase (never colour alone), the key by label when it has one, readable durations.
import { statusClassOf, statusLabel } from '@/lib/dashboard/status-style';
import type { StoredRequest } from '@/lib/db/queries/stored-request';

export interface RequestRow {
  id: number;
  /** ISO-8601, for <time dateTime>. */
  startIso: string;
  /** "2026-01-10 08:00:01.234" (UTC). */
  startText: string;
  service: string;
  endpointId: string;
  /** "GET cc1.voiso.com/api/v4/users". */
  endpointText: string;
  statusCode: number;
  /** "429 Too Many Requests", or "No response". */
  statusText: string;
  /** `4xx`, `network`, … for the status-* classes. */
  statusClass: string;
  errorKey: string | null;
  /** Error keys beyond the one shown. */
  moreErrorKeys: number;
  /** '' when the call carried no key. */
  keyFingerprint: string;
  /** The key's label, else its fingerprint, else "no key". */
  keyText: string;
  durationText: string;
  /** "—" when the instrumentation did not report resends. */
  resendText: string;
}

/** "2026-01-10 08:00:01.234", in UTC. */
export function formatUtcTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** "0.8 ms", "42 ms", "1.25 s". */
export function formatDuration(ms: number): string {
  if (ms < 10) return `${Math.round(ms * 10) / 10} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** "429 Too Many Requests"; "HTTP 499" for a code without a known phrase; "No response" for code 0. */
export function formatStatus(code: number): string {
  if (code === 0) return statusLabel('0');
  const label = statusLabel(String(code));
  return label === `HTTP ${code}` ? label : `${code} ${label}`;
}

export function formatEndpoint(r: Pick<StoredRequest, 'method' | 'host' | 'route'>): string {
  return `${r.method} ${r.host}${r.route}`;
}

export function keyText(fingerprint: string, label: string | null): string {
  if (label) return label;
  return fingerprint === '' ? 'no key' : fingerprint;
}

export function prepareRequestRow(r: StoredRequest): RequestRow {
  const startIso = new Date(r.startMs).toISOString();
  return {
    id: r.id,
    startIso,
    startText: formatUtcTime(r.startMs),
    service: r.service,
    endpointId: r.endpointId,
    endpointText: formatEndpoint(r),
    statusCode: r.statusCode,
    statusText: formatStatus(r.statusCode),
    statusClass: statusClassOf(String(r.statusCode)),
    errorKey: r.errorKeys[0] ?? r.errorKey,
    moreErrorKeys: Math.max(0, r.errorKeys.length - 1),
    keyFingerprint: r.apiKeyFingerprint,
    keyText: keyText(r.apiKeyFingerprint, r.apiKeyLabel),
    durationText: formatDuration(r.durationMs),
    resendText: r.resendCount === null ? '—' : String(r.resendCount),
  };
}
