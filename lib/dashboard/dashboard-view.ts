// What a dashboard page shows, as read from its URL (`?range=1h&service=…`): the time range,
// its chart step, the previous period to compare with, the filters and auto-refresh. Every
// page reads its view through here, so a shared link opens the same view.
import { z } from 'zod';
import type { RollupFilter } from '@/lib/db/queries/rollup-filter';

const minuteMs = 60_000;
const hourMs = 60 * minuteMs;

export const rangePresets = {
  '15m': 15 * minuteMs,
  '1h': hourMs,
  '6h': 6 * hourMs,
  '24h': 24 * hourMs,
  '7d': 7 * 24 * hourMs,
} as const;

export type RangePreset = keyof typeof rangePresets;
export type RangeKey = RangePreset | 'custom';

export const rangeLabels: Readonly<Record<RangeKey, string>> = {
  '15m': 'Last 15 minutes',
  '1h': 'Last hour',
  '6h': 'Last 6 hours',
  '24h': 'Last 24 hours',
  '7d': 'Last 7 days',
  custom: 'Custom range',
};

const maxCustomRangeMs = 400 * 24 * hourMs;
// Chart steps a person reads easily; the smallest one giving at most this many points wins.
const stepChoicesSeconds = [60, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400];
const maxPoints = 200;
// Short ranges change by the minute, so they refresh by themselves unless turned off.
const autoRefreshUpTo = 6 * hourMs;

const filterValue = z.string().trim().min(1).max(512).optional().catch(undefined);

/** The URL parameters every dashboard page understands. Unknown parameters are ignored. */
export const dashboardViewRequestSchema = z.object({
  range: z.enum(['15m', '1h', '6h', '24h', '7d', 'custom']).optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  service: filterValue,
  environment: z.string().max(512).optional().catch(undefined),
  endpoint: filterValue,
  key: filterValue,
  refresh: z.enum(['on', 'off']).optional(),
});

export interface DashboardFilters {
  service?: string;
  environment?: string;
  /** Endpoint id. */
  endpoint?: string;
  /** API key fingerprint. */
  key?: string;
}

export interface DashboardView {
  range: RangeKey;
  fromMs: number;
  toMs: number;
  /** Chart bucket, in seconds (a multiple of 60). */
  stepSeconds: number;
  /** The period of the same length just before, for "vs previous" figures. */
  previous: { fromMs: number; toMs: number };
  filters: DashboardFilters;
  autoRefresh: boolean;
  /** The user's explicit refresh choice from the URL, kept in links. */
  refreshChoice?: 'on' | 'off';
  /** Why parts of the URL were not used, to show next to the range picker. */
  problems: string[];
}

export type SearchParams = Record<string, string | string[] | undefined>;

function firstValues(params: SearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = first;
  }
  return out;
}

/** The smallest readable step that keeps a range within `maxPoints` buckets. */
export function stepForRange(rangeMs: number): number {
  for (const step of stepChoicesSeconds) if (rangeMs / (step * 1000) <= maxPoints) return step;
  return stepChoicesSeconds[stepChoicesSeconds.length - 1] ?? 86_400;
}

function parseTime(value: string | undefined): number | null {
  if (!value) return null;
  // Strict ISO-8601 with a zone (what the picker writes); datetime-local values are read as UTC.
  const withZone = /([zZ]|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`;
  const ms = Date.parse(withZone);
  return Number.isNaN(ms) ? null : ms;
}

/** The view a page's search params describe; a bad parameter falls back to the default and is reported. */
export function resolveDashboardView(params: SearchParams, nowMs: number): DashboardView {
  const raw = firstValues(params);
  const parsed = dashboardViewRequestSchema.safeParse(raw);
  const problems: string[] = [];
  const input = parsed.success ? parsed.data : {};
  if (!parsed.success) problems.push(`Unknown range "${raw.range}"; showing the last hour.`);

  let range: RangeKey = input.range ?? '1h';
  let fromMs = nowMs - rangePresets['1h'];
  let toMs = nowMs;
  if (range === 'custom') {
    const from = parseTime(input.from);
    const to = parseTime(input.to) ?? nowMs;
    if (from === null || from >= to || to - from > maxCustomRangeMs) {
      problems.push('The custom range needs a start before its end, at most 400 days apart; showing the last hour.');
      range = '1h';
    } else {
      fromMs = from;
      toMs = to;
    }
  } else {
    fromMs = nowMs - rangePresets[range];
  }
  const span = toMs - fromMs;
  const filters: DashboardFilters = {};
  if (input.service) filters.service = input.service;
  if (input.environment !== undefined) filters.environment = input.environment;
  if (input.endpoint) filters.endpoint = input.endpoint;
  if (input.key) filters.key = input.key;
  return {
    range,
    fromMs,
    toMs,
    stepSeconds: stepForRange(span),
    previous: { fromMs: fromMs - span, toMs: fromMs },
    filters,
    autoRefresh: input.refresh ? input.refresh === 'on' : range !== 'custom' && span <= autoRefreshUpTo,
    refreshChoice: input.refresh,
    problems,
  };
}

/** The rollup filter of a view (or of its previous period), with extra dimensions pinned. */
export function viewRollupFilter(
  view: DashboardView,
  options: { previous?: boolean; pin?: DashboardFilters } = {},
): RollupFilter {
  const period = options.previous ? view.previous : view;
  return {
    fromMinute: Math.floor(period.fromMs / minuteMs),
    toMinute: Math.ceil(period.toMs / minuteMs),
    ...view.filters,
    ...options.pin,
  };
}

/**
 * The query string of a view with some parameters changed (undefined removes one), so links
 * keep the range and filters. Custom ranges keep their exact from/to.
 */
export function viewQuery(view: DashboardView, changes: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  params.set('range', view.range);
  if (view.range === 'custom') {
    params.set('from', new Date(view.fromMs).toISOString());
    params.set('to', new Date(view.toMs).toISOString());
  }
  for (const [name, value] of Object.entries(view.filters)) if (value !== undefined) params.set(name, value);
  if (view.refreshChoice) params.set('refresh', view.refreshChoice);
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) params.delete(name);
    else params.set(name, value);
  }
  return `?${params.toString()}`;
}
