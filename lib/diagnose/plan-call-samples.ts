// Decides, from the rollup counts alone, which individual calls the diagnosis needs: how many of
// each failing status, whose call timing, and which keys' success/401 timelines. Shared by the
// loader and the in-memory evidence of the tests, so both sample alike.
import type { CallGroup } from './diagnosis-evidence';
import { isDiagnosedStatus, isSuccess } from './status-kind';

/** All failed calls sampled together: enough for shares and sequences, small enough to stay fast. */
export const failureSampleSize = 5000;
/** A status present in the range always gets at least this many of its calls. */
const minStatusQuota = 200;
/** Calls of any status kept to time throttled keys (retry gaps, request rates), over all of them. */
export const throttledSampleSize = 4000;
/** Throttled keys timed, most 429s first: ten keep 400 calls each, enough to see bursts and retry chains. */
const maxThrottledKeys = 10;
/** Calls kept per key and endpoint with 406s, to see which Accept values worked there. */
const acceptSampleSize = 100;
const maxAcceptKeys = 10;
/** Key timelines are one query each; the keys with most 401s come first. */
const maxTimelineSubjects = 30;

export interface CallSamplePlan {
  statusQuotas: { statusCode: number; limit: number }[];
  contextKeys: { key: string; endpointIds?: string[]; limit: number }[];
  timelineSubjects: { service: string; key: string }[];
}

function sumBy<K>(groups: readonly CallGroup[], keyOf: (g: CallGroup) => K | undefined): Map<K, number> {
  const out = new Map<K, number>();
  for (const g of groups) {
    const k = keyOf(g);
    if (k !== undefined) out.set(k, (out.get(k) ?? 0) + g.calls);
  }
  return out;
}

function planStatusQuotas(groups: readonly CallGroup[]): CallSamplePlan['statusQuotas'] {
  const statuses = [...sumBy(groups, (g) => (isDiagnosedStatus(g.statusCode) ? g.statusCode : undefined)).keys()].sort((a, b) => a - b);
  const limit = Math.max(minStatusQuota, Math.floor(failureSampleSize / Math.max(statuses.length, 1)));
  return statuses.map((statusCode) => ({ statusCode, limit }));
}

function topKeys(groups: readonly CallGroup[], statusCode: number, max: number): string[] {
  return [...sumBy(groups, (g) => (g.statusCode === statusCode ? g.key : undefined)).entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([key]) => key);
}

function planContextKeys(groups: readonly CallGroup[]): CallSamplePlan['contextKeys'] {
  const throttled = topKeys(groups, 429, maxThrottledKeys);
  const limit = Math.floor(throttledSampleSize / Math.max(throttled.length, 1));
  // A throttled key's rate counts over all its endpoints: the limit is per key.
  const timed = throttled.map((key) => ({ key, limit }));
  const refused = topKeys(groups, 406, maxAcceptKeys)
    .filter((key) => !throttled.includes(key))
    .map((key) => {
      const endpointIds = [...new Set(groups.filter((g) => g.key === key && g.statusCode === 406).map((g) => g.endpointId))].sort();
      return { key, endpointIds, limit: acceptSampleSize };
    });
  return [...timed, ...refused];
}

function planTimelineSubjects(groups: readonly CallGroup[]): CallSamplePlan['timelineSubjects'] {
  const pair = (g: CallGroup) => `${g.service}\n${g.key}`;
  const unauthorized = sumBy(groups, (g) => (g.key !== '' && g.statusCode === 401 ? pair(g) : undefined));
  const succeeded = sumBy(groups, (g) => (g.key !== '' && isSuccess(g.statusCode) ? pair(g) : undefined));
  const subjects = new Map<string, number>();
  for (const [p, n] of unauthorized) {
    const [service] = p.split('\n');
    if (succeeded.has(p)) subjects.set(p, n);
    else {
      // A key that never succeeded is only a rotation if another key of its service did: keep both.
      const others = [...succeeded.keys()].filter((q) => q.split('\n')[0] === service);
      if (others.length === 0) continue;
      subjects.set(p, n);
      for (const q of others) subjects.set(q, Math.max(subjects.get(q) ?? 0, n));
    }
  }
  return [...subjects.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, maxTimelineSubjects)
    .map(([p]) => {
      const [service = '', key = ''] = p.split('\n');
      return { service, key };
    });
}

export function planCallSamples(groups: readonly CallGroup[]): CallSamplePlan {
  return {
    statusQuotas: planStatusQuotas(groups),
    contextKeys: planContextKeys(groups),
    timelineSubjects: planTimelineSubjects(groups),
  };
}
