// The /alerts create/edit form's side of a rule: what its inputs hold (text, in the units a
// person types: percent, minutes, UTC times), the rule input built from them for the one
// schema, and the schema's field errors mapped back onto the inputs in the form's units.
import type { FieldErrors } from '@/lib/alerts/alert-rule-field-errors';
import type { AlertRuleDefinition } from '@/lib/alerts/schemas/alert-rule-request-schema';

export interface AlertChannelFormValues {
  type: string;
  url: string;
}

/** Every input of the form, as the text it holds (the checkbox as a boolean). */
export interface AlertRuleFormValues {
  name: string;
  metric: string;
  /** "429, 5xx" */
  codes: string;
  comparator: string;
  /** Percent for rates, calls for counts, ms for p95 latency. */
  threshold: string;
  recoveryThreshold: string;
  windowMinutes: string;
  minRequests: string;
  forMinutes: string;
  noDataState: string;
  service: string;
  /** '' = any environment; noEnvironment = calls sent without one. */
  environment: string;
  endpoint: string;
  key: string;
  each: string;
  channels: AlertChannelFormValues[];
  renotifyMinutes: string;
  /** "2026-11-25T14:30" in UTC (a datetime-local input), '' = not muted. */
  mutedUntil: string;
  enabled: boolean;
  severity: string;
}

/** The environment select's value for calls that carried no environment (the empty string). */
export const noEnvironment = '(none)';

export const newAlertRuleFormValues: AlertRuleFormValues = {
  name: '',
  metric: 'rate',
  codes: '429',
  comparator: '>',
  threshold: '20',
  recoveryThreshold: '',
  windowMinutes: '5',
  minRequests: '20',
  forMinutes: '2',
  noDataState: 'ok',
  service: '',
  environment: '',
  endpoint: '',
  key: '',
  each: '',
  channels: [],
  renotifyMinutes: '',
  mutedUntil: '',
  enabled: true,
  severity: 'warning',
};

export function alertRuleToFormValues(rule: AlertRuleDefinition): AlertRuleFormValues {
  const inFormUnits = (value: number) => String(rule.metric === 'rate' ? tidy(value * 100) : value);
  return {
    name: rule.name,
    metric: rule.metric,
    codes: rule.codes.join(', '),
    comparator: rule.comparator,
    threshold: inFormUnits(rule.threshold),
    recoveryThreshold: rule.recoveryThreshold === undefined ? '' : inFormUnits(rule.recoveryThreshold),
    windowMinutes: String(tidy(rule.windowSeconds / 60)),
    minRequests: String(rule.minRequests),
    forMinutes: String(tidy(rule.forSeconds / 60)),
    noDataState: rule.noDataState,
    service: rule.scope.service ?? '',
    environment: rule.scope.environment === undefined ? '' : rule.scope.environment === '' ? noEnvironment : rule.scope.environment,
    endpoint: rule.scope.endpoint ?? '',
    key: rule.scope.key ?? '',
    each: rule.scope.each ?? '',
    channels: rule.channels.map((c) => ({ type: c.type, url: c.url })),
    renotifyMinutes: rule.renotifySeconds === undefined ? '' : String(tidy(rule.renotifySeconds / 60)),
    mutedUntil: rule.mutedUntil ? new Date(rule.mutedUntil).toISOString().slice(0, 16) : '',
    enabled: rule.enabled,
    severity: rule.severity,
  };
}

/** The form's values from a submitted FormData (channel rows are `channels.<n>.type` / `.url`). */
export function readAlertRuleForm(form: FormData): AlertRuleFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === 'string' ? value : '';
  };
  const rows = new Set<number>();
  for (const name of form.keys()) {
    const match = /^channels\.(\d+)\.(type|url)$/.exec(name);
    if (match) rows.add(Number(match[1]));
  }
  const channels = [...rows].sort((a, b) => a - b).map((n) => ({ type: text(`channels.${n}.type`) || 'webhook', url: text(`channels.${n}.url`) }));
  const values = { ...newAlertRuleFormValues, channels, enabled: form.get('enabled') === 'on' };
  for (const name of Object.keys(newAlertRuleFormValues) as (keyof AlertRuleFormValues)[]) {
    if (name !== 'channels' && name !== 'enabled') values[name] = text(name);
  }
  return values;
}

export interface AlertRuleFormInput {
  /** What goes to createAlertRule/updateAlertRule. */
  input: Record<string, unknown>;
  /** The form row of each channel in `input.channels` (empty rows are left out). */
  channelRows: number[];
}

export function alertRuleInputFromForm(values: AlertRuleFormValues): AlertRuleFormInput {
  const rate = values.metric === 'rate';
  const channelRows = values.channels.flatMap((c, row) => (c.url.trim() === '' ? [] : [row]));
  const scope: Record<string, string> = {};
  if (values.service) scope.service = values.service;
  if (values.environment) scope.environment = values.environment === noEnvironment ? '' : values.environment;
  if (values.endpoint.trim()) scope.endpoint = values.endpoint.trim();
  if (values.key.trim()) scope.key = values.key.trim();
  if (values.each) scope.each = values.each;
  const input: Record<string, unknown> = {
    name: values.name,
    metric: values.metric,
    codes: values.metric === 'p95_latency' ? [] : parseCodes(values.codes),
    comparator: values.comparator,
    threshold: scaled(values.threshold, rate ? 0.01 : 1),
    recoveryThreshold: scaled(values.recoveryThreshold, rate ? 0.01 : 1),
    windowSeconds: scaled(values.windowMinutes, 60, true),
    minRequests: number(values.minRequests),
    forSeconds: scaled(values.forMinutes, 60, true),
    noDataState: values.noDataState,
    scope,
    channels: channelRows.map((row) => ({ type: values.channels[row]?.type, url: values.channels[row]?.url.trim() })),
    renotifySeconds: scaled(values.renotifyMinutes, 60, true),
    // The input is in UTC, like every time the dashboard shows; an empty input lifts the mute.
    mutedUntil: values.mutedUntil ? utcTime(values.mutedUntil) : null,
    enabled: values.enabled,
    severity: values.severity,
  };
  return { input, channelRows };
}

/** "429, 5xx network" → [429, "5xx", "network"]; unknown words are kept for the schema to name. */
export function parseCodes(text: string): (number | string)[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((word) => (/^\d+$/.test(word) ? Number(word) : word.toLowerCase()));
}

/** Input name → messages, in the form's units ("minutes", "percent") rather than the API's. */
export function formFieldErrors(fieldErrors: FieldErrors, values: AlertRuleFormValues, channelRows: readonly number[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const add = (field: string, message: string) => {
    const list = out[field] ?? [];
    if (!list.includes(message)) list.push(message);
    out[field] = list;
  };
  const rate = values.metric === 'rate';
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const [head, second, third] = path.split('.');
    for (const message of messages) {
      if (head === 'channels' && second !== undefined) add(`channels.${channelRows[Number(second)] ?? second}.${third ?? 'url'}`, message);
      else if (head === 'scope' && second !== undefined) add(second, message);
      else if (head === 'windowSeconds') add('windowMinutes', 'the window must be a number of minutes from 1 to 1440 (one day)');
      else if (head === 'forSeconds') add('forMinutes', '"for" must be a number of minutes from 0 to 1440 (one day)');
      else if (head === 'renotifySeconds') add('renotifyMinutes', 're-notify must be a number of minutes from 1 to 10080 (one week), or empty');
      else if (head === 'threshold' && rate) add('threshold', 'a rate threshold is a percentage from 0 to 100');
      else if (head === 'recoveryThreshold' && rate && message.includes('healthy side')) {
        const above = values.comparator === '>' || values.comparator === '>=';
        add('recoveryThreshold', `the recovery threshold must be on the healthy side of the threshold (${above ? '≤' : '≥'} ${values.threshold}%)`);
      } else add(head === '' || head === undefined ? '' : head, message);
    }
  }
  return out;
}

/** "2030-01-02T03:04" (UTC) → "2030-01-02T03:04:00.000Z"; anything unreadable as it is. */
function utcTime(text: string): string {
  const ms = Date.parse(`${text}Z`);
  return Number.isNaN(ms) ? text : new Date(ms).toISOString();
}

function number(text: string): unknown {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const n = Number(trimmed);
  // Not a number: the text goes through as it is, so the schema reports it on this field.
  return Number.isFinite(n) ? n : trimmed;
}

function scaled(text: string, factor: number, whole = false): unknown {
  const n = number(text);
  if (typeof n !== 'number') return n;
  const value = tidy(n * factor);
  return whole ? Math.round(value) : value;
}

/** Drops binary floating-point noise: 14.5 * 0.01 is 0.145, not 0.14500000000000002. */
function tidy(n: number): number {
  return Number(n.toPrecision(12));
}
