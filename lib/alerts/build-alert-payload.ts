// What a notification says: the JSON a webhook receives (rule, state, instance, value against
// threshold, window, when, a dashboard link and the likely cause with its fix) and the one or two
// lines a chat channel shows. Pure; the runner supplies the diagnosis and the instance's label.
import { resolveDashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import type { Finding } from '@/lib/diagnose/finding';
import type { NotificationKind } from './alert-state';
import { formatAlertValue, formatComparison, formatDuration, metricLabel } from './format-alert-values';
import type { AlertNotice } from './plan-alert-changes';
import type { AlertChannel, AlertRule } from './schemas/alert-rule-request-schema';

export type PayloadRule = Pick<
  AlertRule,
  'id' | 'name' | 'severity' | 'metric' | 'codes' | 'comparator' | 'threshold' | 'recoveryThreshold' | 'windowSeconds' | 'scope'
>;

export interface AlertScopeFilters {
  service?: string;
  environment?: string;
  /** Endpoint id. */
  endpoint?: string;
  /** API key fingerprint. */
  key?: string;
}

/** The instance: one key (fingerprint), one endpoint (id), or the rule's whole scope. */
export type AlertPayloadInstance =
  | { key: string; label?: string }
  | { endpoint: string; label?: string }
  | { scope: AlertScopeFilters; label?: string };

export interface AlertPayloadDiagnosis {
  code: string;
  status: string;
  title: string;
  confidence: string;
  /** Calls the finding is about. */
  calls: number;
  advice: string;
}

export interface AlertPayload {
  rule: { id: string; name: string; severity: string };
  state: 'firing' | 'resolved';
  /** renotify: still firing, announced again after renotifySeconds. */
  kind: NotificationKind;
  instance: AlertPayloadInstance;
  /** The rule's filters (without the fan-out). */
  scope: AlertScopeFilters;
  metric: string;
  codes: (number | string)[];
  comparator: string;
  threshold: number;
  recoveryThreshold: number | null;
  windowSeconds: number;
  /** The metric over the window (a fraction for rates, ms for p95_latency); null without calls. */
  value: number | null;
  /** Calls in the window. */
  requests: number;
  /** Counts this instance's firing episodes; one firing and one resolved notice each. */
  episode: number;
  startedAt: string | null;
  resolvedAt: string | null;
  /** The dashboard page of the instance over the episode. */
  url: string;
  /** One line, as the chat message's first. */
  summary: string;
  /** The likely cause and its fix over the window, when the diagnosis recognises one. */
  diagnosis: AlertPayloadDiagnosis | null;
}

export interface AlertPayloadInput {
  rule: PayloadRule;
  notice: AlertNotice;
  /** The key's label or "GET host/route", when known. */
  instanceLabel: string | null;
  diagnosis: Finding | null;
  /** FAULTLINE_PUBLIC_URL or http://localhost:PORT, without trailing slash. */
  baseUrl: string;
  nowMs: number;
}

const minuteMs = 60_000;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function scopeFilters(scope: PayloadRule['scope']): AlertScopeFilters {
  const filters: AlertScopeFilters = {};
  if (scope.service !== undefined) filters.service = scope.service;
  if (scope.environment !== undefined) filters.environment = scope.environment;
  if (scope.endpoint !== undefined) filters.endpoint = scope.endpoint;
  if (scope.key !== undefined) filters.key = scope.key;
  return filters;
}

function payloadInstance(rule: PayloadRule, instanceKey: string, label: string | null): AlertPayloadInstance {
  const named = label ? { label } : {};
  if (rule.scope.each === 'key') return { key: instanceKey, ...named };
  if (rule.scope.each === 'endpoint') return { endpoint: instanceKey, ...named };
  return { scope: scopeFilters(rule.scope), ...named };
}

/**
 * The dashboard page of an instance (its key or endpoint page, else the overview) with the
 * rule's other filters, over a fixed range from one window before the episode began to `toMs`,
 * so the link still shows the episode when opened hours later.
 */
export function alertDashboardUrl(rule: PayloadRule, instanceKey: string, fromMs: number, toMs: number, baseUrl: string): string {
  const filters = scopeFilters(rule.scope);
  let path = '/';
  // Calls without a key ('' fingerprint) have no key page; the overview with the filters stands in.
  if (rule.scope.each === 'key' && instanceKey !== '') path = `/keys/${encodeURIComponent(instanceKey)}`;
  if (rule.scope.each === 'endpoint') path = `/endpoints/${encodeURIComponent(instanceKey)}`;
  const from = Math.floor(fromMs / minuteMs) * minuteMs;
  const to = Math.max(from + minuteMs, Math.ceil(toMs / minuteMs) * minuteMs);
  const view = resolveDashboardView(
    { range: 'custom', from: new Date(from).toISOString(), to: new Date(to).toISOString(), ...filters },
    toMs,
  );
  return `${baseUrl}${path}${viewQuery(view)}`;
}

function instanceText(instance: AlertPayloadInstance): string {
  if ('key' in instance) return instance.key === '' ? 'calls without a key' : `key ${instance.label ?? instance.key}`;
  if ('endpoint' in instance) return instance.label ?? `endpoint ${instance.endpoint}`;
  if (instance.label) return instance.label;
  const parts = Object.entries(instance.scope).map(([name, value]) => `${name} ${value === '' ? '(none)' : value}`);
  return parts.length ? parts.join(', ') : 'all calls';
}

const headings: Record<NotificationKind, string> = { firing: 'FIRING', renotify: 'STILL FIRING', resolved: 'RESOLVED' };

function summaryLine(p: Omit<AlertPayload, 'summary'>, nowMs: number): string {
  const window = `over the last ${formatDuration(p.windowSeconds * 1000)}`;
  const what = metricLabel(p.metric, p.codes);
  const calls = `${p.requests} call${p.requests === 1 ? '' : 's'}`;
  const head = `[${headings[p.kind]}] ${p.rule.name} (${p.rule.severity}) — ${instanceText(p.instance)}:`;
  if (p.state === 'firing') {
    const since = p.kind === 'renotify' && p.startedAt ? `; firing for ${formatDuration(nowMs - Date.parse(p.startedAt))}` : '';
    return `${head} ${what} ${formatAlertValue(p.metric, p.value)} ${formatComparison(p.metric, p.comparator, p.threshold)} ${window} (${calls})${since}`;
  }
  const now = p.value === null ? `no calls ${window}` : `${what} ${formatAlertValue(p.metric, p.value)} ${window} (${calls})`;
  const lasted = p.startedAt && p.resolvedAt ? `; fired for ${formatDuration(Date.parse(p.resolvedAt) - Date.parse(p.startedAt))}` : '';
  return `${head} ${now}, no longer ${formatComparison(p.metric, p.comparator, p.threshold)}${lasted}`;
}

export function buildAlertPayload(input: AlertPayloadInput): AlertPayload {
  const { rule, notice, nowMs } = input;
  const resolved = notice.kind === 'resolved';
  // resolve() clears firingSinceMs, so a resolved notice reads the episode's start from before.
  const startedMs = resolved ? notice.prev.firingSinceMs : notice.next.firingSinceMs;
  const breachMs = (resolved ? notice.prev.pendingSinceMs : notice.next.pendingSinceMs) ?? startedMs ?? nowMs;
  const instance = payloadInstance(rule, notice.instanceKey, input.instanceLabel);
  const f = input.diagnosis;
  const payload: Omit<AlertPayload, 'summary'> = {
    rule: { id: rule.id, name: rule.name, severity: rule.severity },
    state: resolved ? 'resolved' : 'firing',
    kind: notice.kind,
    instance,
    scope: scopeFilters(rule.scope),
    metric: rule.metric,
    codes: [...rule.codes],
    comparator: rule.comparator,
    threshold: rule.threshold,
    recoveryThreshold: rule.recoveryThreshold ?? null,
    windowSeconds: rule.windowSeconds,
    value: notice.observation.value,
    requests: notice.observation.requests,
    episode: notice.next.episode,
    startedAt: iso(startedMs),
    resolvedAt: resolved ? iso(nowMs) : null,
    url: alertDashboardUrl(rule, notice.instanceKey, Math.min(breachMs, nowMs) - rule.windowSeconds * 1000, nowMs, input.baseUrl),
    diagnosis: f
      ? { code: f.code, status: f.status, title: f.title, confidence: f.confidence, calls: f.evidence.calls, advice: f.advice }
      : null,
  };
  return { ...payload, summary: summaryLine(payload, nowMs) };
}

/** The chat message: the summary, then the likely cause (when firing) and the link. */
export function alertChatText(payload: AlertPayload): string {
  const cause = payload.state === 'firing' && payload.diagnosis ? `Likely cause: ${payload.diagnosis.title}. ` : '';
  return `${payload.summary}\n${cause}${payload.url}`;
}

/** The exact body POSTed to a channel: the payload itself, or `{ "text": … }` for Slack-compatible ones. */
export function channelBody(channel: Pick<AlertChannel, 'type'>, payload: AlertPayload): string {
  return JSON.stringify(channel.type === 'slack' ? { text: alertChatText(payload) } : payload);
}
