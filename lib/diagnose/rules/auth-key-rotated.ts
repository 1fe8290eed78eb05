// auth.key_rotated: a key that worked and then gets only 401 from some moment on, or a service
// whose 401s start when it switches to a new key.
import { formatCount, formatUtc } from '@/lib/dashboard/format-figures';
import { buildFinding } from '../build-finding';
import type { DiagnosisEvidence, KeyTimeline } from '../diagnosis-evidence';
import type { Finding } from '../finding';
import { ofPhrase } from '../of-phrase';
import { sampledFailuresOf } from '../sampled-calls-of';
import { isSuccess } from '../status-kind';
import { sumCalls } from '../sum-calls';

/** It worked: two accepted calls show the key was valid, not one lucky call. */
export const minSuccessesBefore = 2;
/** Three 401s in a row with nothing succeeding in between, so a single rejected call is not a rotation. */
export const minUnauthorizedAfter = 3;
/** "Only 401 from then on", leaving room for the odd timeout. */
export const minShareAfter = 0.9;
/** Before the onset it mostly worked; a key rejected 1 call in 3 all along was never right (wrong host). */
export const maxShareBefore = 0.1;
/** A rollout runs old and new keys side by side for a while; longer than this is two keys in use, not a switch. */
export const switchOverlapMs = 10 * 60_000;

interface Rotation {
  timeline: KeyTimeline;
  onsetMs: number;
  /** The key the service used before, when the 401s came with a new key. */
  previous?: { key: string; lastOkMs: number; successes: number };
  successes: number;
}

function keyCalls(evidence: DiagnosisEvidence, t: KeyTimeline) {
  const groups = evidence.groups.filter((g) => g.service === t.service && g.key === t.key);
  return {
    groups,
    total: sumCalls(groups),
    ok: sumCalls(groups, (g) => isSuccess(g.statusCode)),
    unauthorized: sumCalls(groups, (g) => g.statusCode === 401),
  };
}

function onlyUnauthorizedAfter(t: KeyTimeline): boolean {
  return t.unauthorizedAfter >= minUnauthorizedAfter && t.unauthorizedAfter >= minShareAfter * t.callsAfter;
}

function findRotations(evidence: DiagnosisEvidence): Rotation[] {
  const out: Rotation[] = [];
  for (const t of evidence.timelines) {
    if (t.key === '' || t.onsetMs === null || !onlyUnauthorizedAfter(t)) continue;
    const counts = keyCalls(evidence, t);
    if (t.lastOkMs !== null) {
      const callsBefore = counts.total - t.callsAfter;
      const unauthorizedBefore = counts.unauthorized - t.unauthorizedAfter;
      if (counts.ok >= minSuccessesBefore && unauthorizedBefore <= maxShareBefore * callsBefore) {
        out.push({ timeline: t, onsetMs: t.onsetMs, successes: counts.ok });
      }
      continue;
    }
    // Never succeeded: a rotation only if the service's previous key worked until about then.
    const onset = t.onsetMs;
    const previous = evidence.timelines
      .filter((o) => o.service === t.service && o.key !== t.key && o.key !== '' && o.lastOkMs !== null)
      // The old key stopped working soon after the new one appeared, and the new one is what the service uses now.
      .filter((o) => (o.lastOkMs ?? 0) <= onset + switchOverlapMs && (o.lastOkMs ?? 0) < (t.lastAfterMs ?? 0))
      .map((o) => ({ key: o.key, lastOkMs: o.lastOkMs ?? 0, successes: keyCalls(evidence, o).ok }))
      .filter((o) => o.successes >= minSuccessesBefore)
      .sort((a, b) => b.lastOkMs - a.lastOkMs)[0];
    if (previous) out.push({ timeline: t, onsetMs: onset, previous, successes: 0 });
  }
  return out;
}

export function authKeyRotated(evidence: DiagnosisEvidence): Finding[] {
  return findRotations(evidence).map(({ timeline: t, onsetMs, previous, successes }) => {
    const groups = evidence.groups.filter((g) => g.service === t.service && g.key === t.key && g.statusCode === 401);
    const sample = sampledFailuresOf(evidence, { service: t.service, key: t.key, statuses: [401] }).filter((c) => c.startMs >= onsetMs);
    const after = `${ofPhrase(t.unauthorizedAfter, t.callsAfter)} of its calls since ${formatUtc(onsetMs)} got 401`;
    const facts = previous
      ? [
          `${t.service} used key ${previous.key} until ${formatUtc(previous.lastOkMs)} (${formatCount(previous.successes)} successful calls).`,
          `It calls with key ${t.key} since ${formatUtc(onsetMs)}, and ${after}; that key never succeeded in the range.`,
        ]
      : [
          `Key ${t.key} of ${t.service} succeeded ${formatCount(successes)} times, the last at ${formatUtc(t.lastOkMs ?? onsetMs)}.`,
          `Then ${after}, and none succeeded.`,
        ];
    const figures: Record<string, number | string> = {
      successesBefore: previous ? previous.successes : successes,
      unauthorizedAfter: t.unauthorizedAfter,
      callsAfter: t.callsAfter,
      onsetMs,
    };
    if (t.lastOkMs !== null) figures.lastSuccessMs = t.lastOkMs;
    if (previous) figures.previousKeyLastSuccessMs = previous.lastOkMs;
    return buildFinding(evidence, {
      code: 'auth.key_rotated',
      status: '401',
      title: previous
        ? `${t.service} switched to key ${t.key}, which the API rejects`
        : `${t.service}'s key ${t.key} stopped working at ${formatUtc(onsetMs)}`,
      confidence: 'high',
      service: t.service,
      key: t.key,
      endpointIds: groups.map((g) => g.endpointId),
      calls: t.unauthorizedAfter,
      groups,
      sample,
      figures,
      facts,
      advice: previous
        ? `${t.service} changed keys at ${formatUtc(onsetMs)} and the new key is refused on every call. Check that it was copied ` +
          'whole, is active, and was issued for this cluster and contact center; until it works, go back to the previous key if ' +
          'it is still valid. Roll a new key out to a few instances first and watch for 401s before switching everything.'
        : `The key was accepted until ${formatUtc(t.lastOkMs ?? onsetMs)} and refused from ${formatUtc(onsetMs)} on: it was rotated ` +
          `or revoked. Give ${t.service} the current key and reload its configuration. When rotating on purpose, deploy the new ` +
          'key everywhere before revoking the old one, and have services read the key from your secret store rather than keep a copy from start-up.',
      describe: () => (previous ? '401 with the new key' : `401 after the key's last success at ${formatUtc(t.lastOkMs ?? onsetMs)}`),
      sinceMs: onsetMs,
    });
  });
}
