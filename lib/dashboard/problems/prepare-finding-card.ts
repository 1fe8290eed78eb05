// What a finding card shows, decided once: the status and confidence in words, the scope as
// links that keep the view, the figures with readable names, the example calls and the
// explorer link that lists every call behind the finding, plus the catalog entry for its status.
import { adviceFor } from '@/lib/advice/advice-catalog';
import type { AdviceEntry } from '@/lib/advice/advice-entry';
import { type DashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import { formatCount, formatUtc } from '@/lib/dashboard/format-figures';
import { statusClassOf, statusLabel } from '@/lib/dashboard/status-style';
import type { Finding } from '@/lib/diagnose/finding';
import { type ConfidenceText, describeConfidence } from './describe-confidence';
import { findingAnchor } from './finding-anchor';

export const maxCardExamples = 3;
/** A finding about a key's every endpoint could name dozens; the rest are counted. */
export const maxScopeEndpoints = 5;

export interface ScopeLink {
  kind: 'service' | 'key' | 'endpoint' | 'host';
  /** "Service", "API key", … */
  name: string;
  text: string;
  /** Absent when there is no page to go to (the host, calls without a key). */
  href?: string;
  mono: boolean;
}

export interface FigureRow {
  label: string;
  value: string;
}

export interface ExampleRow {
  href: string;
  /** The link text: when, and what the call got back. */
  label: string;
  detail: string;
  traceId: string;
}

export interface FindingCardData {
  anchor: string;
  code: string;
  title: string;
  /** "401 Unauthorized" or "5xx Server errors". */
  statusText: string;
  /** "4xx", "5xx", … for the badge's colour class. */
  statusClass: string;
  confidence: ConfidenceText;
  scope: ScopeLink[];
  calls: number;
  since: string;
  until: string;
  sinceIso: string;
  untilIso: string;
  facts: string[];
  figures: FigureRow[];
  examples: ExampleRow[];
  advice: string;
  callsHref: string;
  callsText: string;
  /** The general advice for the status, when the catalog has it. */
  catalog?: AdviceEntry;
}

export interface PrepareFindingCardOptions {
  /** "METHOD host/route" by endpoint id, for findings that span several endpoints (see scopeEndpointIds). */
  endpointLabels?: Readonly<Record<string, string>>;
}

const unitSuffixes: [RegExp, string][] = [
  [/Ms$/, ' (ms)'],
  [/Seconds$/, ' (s)'],
  [/PerMinute$/, ' per minute'],
  [/Share$/, ' share'],
];

/** `medianRetryGapMs` → "Median retry gap (ms)"; names that are not camelCase stay as they are. */
export function figureLabel(name: string): string {
  let stem = name;
  let suffix = '';
  for (const [pattern, text] of unitSuffixes) {
    if (pattern.test(stem) && stem.replace(pattern, '') !== '') {
      stem = stem.replace(pattern, '');
      suffix = text;
      break;
    }
  }
  const words = stem
    .replace(/[_-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    // "at429" → "at 429", while a short prefix such as "p95" stays one word.
    .replace(/([A-Za-z][a-z]+)(\d)/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .split(/\s+/)
    // Acronyms (P95, HTTP) keep their capitals.
    .map((w) => (/^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase()));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${suffix}`;
}

// A figure named "…Ms" this large is a moment (ms since 1970), not a duration: 2001-09-09 on.
const epochMsFloor = 1e12;

function figureRow(name: string, value: number | string): FigureRow {
  if (typeof value === 'string') return { label: figureLabel(name), value };
  if (/Ms$/.test(name) && value >= epochMsFloor) return { label: figureLabel(name.replace(/Ms$/, '')), value: formatUtc(value) };
  const text = Number.isInteger(value) ? formatCount(value) : value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return { label: figureLabel(name), value: text };
}

function timeText(iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatUtc(ms);
}

function statusTextOf(status: string): string {
  return status === 'network' ? statusLabel(status) : `${status} ${statusLabel(status)}`;
}

function scopeLinks(finding: Finding, view: DashboardView, endpointLabels: Readonly<Record<string, string>>): ScopeLink[] {
  const { scope } = finding;
  const links: ScopeLink[] = [];
  // The overview narrowed to the service; the key and endpoint pages name their own subject,
  // so the view's key or endpoint filter is dropped from links to them.
  if (scope.service !== undefined) {
    links.push({ kind: 'service', name: 'Service', text: scope.service, href: `/${viewQuery(view, { service: scope.service })}`, mono: false });
  }
  if (scope.key !== undefined) {
    links.push(
      scope.key === ''
        ? { kind: 'key', name: 'API key', text: 'No key', mono: false }
        : {
            kind: 'key',
            name: 'API key',
            text: scope.key,
            href: `/keys/${encodeURIComponent(scope.key)}${viewQuery(view, { key: undefined })}`,
            mono: true,
          },
    );
  }
  const ids = scope.endpointIds?.length ? scope.endpointIds : scope.endpointId ? [scope.endpointId] : [];
  for (const id of ids.slice(0, maxScopeEndpoints)) {
    const text = endpointLabels[id] ?? (id === scope.endpointId && scope.endpoint ? scope.endpoint : id);
    links.push({
      kind: 'endpoint',
      name: ids.length > 1 ? 'Endpoints' : 'Endpoint',
      text,
      href: `/endpoints/${encodeURIComponent(id)}${viewQuery(view, { endpoint: undefined })}`,
      mono: false,
    });
  }
  if (ids.length > maxScopeEndpoints) {
    links.push({ kind: 'endpoint', name: 'Endpoints', text: `and ${ids.length - maxScopeEndpoints} more`, mono: false });
  }
  if (ids.length === 0 && scope.endpoint) links.push({ kind: 'endpoint', name: 'Endpoint', text: scope.endpoint, mono: false });
  if (scope.host !== undefined && ids.length === 0) links.push({ kind: 'host', name: 'API host', text: scope.host, mono: true });
  return links;
}

/** The endpoints a card names by label: a loader looks these up for findings about several. */
export function scopeEndpointIds(finding: Finding): string[] {
  const ids = finding.scope.endpointIds ?? [];
  return ids.length > 1 ? ids.slice(0, maxScopeEndpoints) : [];
}

export function prepareFindingCard(finding: Finding, view: DashboardView, options: PrepareFindingCardOptions = {}): FindingCardData {
  const { evidence } = finding;
  const statusText = statusTextOf(finding.status);
  const explorer = (changes: Record<string, string>) => `/requests${viewQuery(view, { ...finding.requestFilters, ...changes })}`;
  const examples = evidence.examples.slice(0, maxCardExamples).map((e) => ({
    href: explorer({ request: String(e.requestId) }),
    label: `${timeText(e.at)} · ${e.statusCode === 0 ? statusLabel('network') : `${e.statusCode} ${statusLabel(String(e.statusCode))}`}`,
    detail: e.detail,
    traceId: e.traceId,
  }));
  const entry = adviceFor(finding.status);
  return {
    anchor: findingAnchor(finding),
    code: finding.code,
    title: finding.title,
    statusText,
    statusClass: statusClassOf(finding.status),
    confidence: describeConfidence(finding.confidence),
    scope: scopeLinks(finding, view, options.endpointLabels ?? {}),
    calls: evidence.calls,
    since: timeText(evidence.since),
    until: timeText(evidence.until),
    sinceIso: evidence.since,
    untilIso: evidence.until,
    facts: evidence.facts,
    figures: Object.entries(evidence.figures).map(([name, value]) => figureRow(name, value)),
    examples,
    advice: finding.advice,
    callsHref: explorer({}),
    callsText: evidence.calls === 1 ? 'Show the call' : `Show the ${formatCount(evidence.calls)} calls`,
    ...(entry ? { catalog: entry } : {}),
  };
}
