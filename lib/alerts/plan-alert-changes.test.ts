import { describe, expect, it } from 'vitest';
import type { StoredAlertInstance } from '@/lib/db/queries/list-alert-instance-states';
import { type InstanceState, initialInstanceState, type Observation } from './alert-state';
import { type PlannedRule, planAlertChanges } from './plan-alert-changes';

const rule: PlannedRule = {
  metric: 'rate',
  comparator: '>',
  threshold: 0.2,
  minRequests: 5,
  forSeconds: 60,
  noDataState: 'ok',
};
const now = 1_800_000_000_000;

function stored(instanceKey: string, state: Partial<InstanceState>): [string, StoredAlertInstance] {
  return [
    instanceKey,
    { instanceKey, state: { ...initialInstanceState, ...state }, lastValue: 0.5, lastRequests: 10, lastEvaluatedMs: now - 30_000 },
  ];
}

const obs = (value: number | null, requests: number): Observation => ({ value, requests });

describe('planAlertChanges', () => {
  it('starts tracking a new breaching instance as pending, with its history event and no notice', () => {
    const changes = planAlertChanges(rule, new Map(), new Map([['fp-a', obs(0.5, 10)]]), now);
    expect(changes.instances).toEqual([
      { instanceKey: 'fp-a', state: { ...initialInstanceState, state: 'pending', pendingSinceMs: now }, lastValue: 0.5, lastRequests: 10 },
    ]);
    expect(changes.events).toEqual([{ instanceKey: 'fp-a', fromState: 'ok', toState: 'pending', value: 0.5, threshold: 0.2 }]);
    expect(changes.notices).toEqual([]);
  });

  it('fires a pending instance after forSeconds, with one firing notice', () => {
    const prev = { state: 'pending' as const, pendingSinceMs: now - 60_000 };
    const changes = planAlertChanges(rule, new Map([stored('fp-a', prev)]), new Map([['fp-a', obs(0.4, 10)]]), now);
    expect(changes.notices).toEqual([
      {
        instanceKey: 'fp-a',
        kind: 'firing',
        prev: { ...initialInstanceState, ...prev },
        next: expect.objectContaining({ state: 'firing', episode: 1, firingSinceMs: now, lastNotifiedMs: now }),
        observation: obs(0.4, 10),
      },
    ]);
    expect(changes.events).toEqual([{ instanceKey: 'fp-a', fromState: 'pending', toState: 'firing', value: 0.4, threshold: 0.2 }]);
  });

  it('resolves a firing instance whose key stopped calling, as "no calls"', () => {
    const firing = { state: 'firing' as const, episode: 3, pendingSinceMs: now - 300_000, firingSinceMs: now - 240_000, lastNotifiedMs: now - 240_000 };
    const changes = planAlertChanges(rule, new Map([stored('fp-gone', firing)]), new Map(), now);
    expect(changes.instances).toEqual([
      { instanceKey: 'fp-gone', state: expect.objectContaining({ state: 'resolved', episode: 3, resolvedAtMs: now }), lastValue: null, lastRequests: 0 },
    ]);
    expect(changes.notices.map((n) => [n.instanceKey, n.kind, n.prev.firingSinceMs])).toEqual([['fp-gone', 'resolved', now - 240_000]]);
  });

  it('leaves quiet instances that were already healthy unwritten, and keeps their moves out of the history', () => {
    const changes = planAlertChanges(
      rule,
      new Map([stored('fp-idle', { state: 'no_data' }), stored('fp-quiet', { state: 'ok' }), stored('fp-settled', { state: 'resolved', episode: 1, resolvedAtMs: now - 30_000 })]),
      new Map([['fp-settled', obs(0.01, 50)]]),
      now,
    );
    // fp-idle stays no_data (nothing to write); fp-quiet goes ok → no_data and fp-settled resolved → ok: stored, not news.
    expect(changes.instances.map((i) => [i.instanceKey, i.state.state])).toEqual([
      ['fp-quiet', 'no_data'],
      ['fp-settled', 'ok'],
    ]);
    expect(changes.events).toEqual([]);
    expect(changes.notices).toEqual([]);
  });

  it('writes every measured instance, changed or not, so its last value stays current', () => {
    const changes = planAlertChanges(rule, new Map([stored('fp-a', { state: 'ok' })]), new Map([['fp-a', obs(0.05, 40)]]), now);
    expect(changes.instances).toEqual([{ instanceKey: 'fp-a', state: initialInstanceState, lastValue: 0.05, lastRequests: 40 }]);
    expect(changes.events).toEqual([]);
  });

  it('records a pending streak that broke', () => {
    const changes = planAlertChanges(rule, new Map([stored('', { state: 'pending', pendingSinceMs: now - 30_000 })]), new Map([['', obs(0.1, 40)]]), now);
    expect(changes.events).toEqual([{ instanceKey: '', fromState: 'pending', toState: 'ok', value: 0.1, threshold: 0.2 }]);
  });
});
