import { describe, expect, it } from 'vitest';
import { type Decision, type InstanceState, initialInstanceState, type NotificationKind, type Observation } from './alert-state';
import { breaches, type DecisionRule, decideTransition, isMuted, recovered } from './decide-transition';

const T0 = Date.UTC(2026, 0, 5, 8, 0);
/** T0 plus seconds. */
const at = (seconds: number) => T0 + seconds * 1000;
const rule = (o: Partial<DecisionRule> = {}): DecisionRule => ({
  comparator: '>',
  threshold: 0.2,
  minRequests: 10,
  forSeconds: 120,
  noDataState: 'ok',
  ...o,
});
const state = (o: Partial<InstanceState> = {}): InstanceState => ({ ...initialInstanceState, ...o });
const seen = (value: number | null, requests = 100): Observation => ({ value, requests });

const BAD = seen(0.5);
const GOOD = seen(0.05);
const QUIET = seen(0.9, 3);
const firing = state({ state: 'firing', episode: 1, pendingSinceMs: at(0), firingSinceMs: at(120), lastNotifiedMs: at(120) });
const pending = state({ state: 'pending', pendingSinceMs: at(0) });

interface Step {
  name: string;
  rule: DecisionRule;
  prev: InstanceState;
  obs: Observation;
  now: number;
  next: InstanceState;
  notify: NotificationKind | null;
}

const steps: Step[] = [
  // ok / no_data / resolved with a healthy sample
  { name: 'ok stays ok', rule: rule(), prev: state(), obs: GOOD, now: at(0), next: state(), notify: null },
  { name: 'no_data becomes ok on data', rule: rule(), prev: state({ state: 'no_data' }), obs: GOOD, now: at(0), next: state(), notify: null },
  {
    name: 'resolved becomes ok on the next healthy sample',
    rule: rule(),
    prev: state({ state: 'resolved', episode: 2, resolvedAtMs: at(0), lastNotifiedMs: at(0) }),
    obs: GOOD,
    now: at(30),
    next: state({ state: 'ok', episode: 2, resolvedAtMs: at(0), lastNotifiedMs: at(0) }),
    notify: null,
  },
  // breach → pending → firing
  { name: 'a breach starts pending', rule: rule(), prev: state(), obs: BAD, now: at(0), next: pending, notify: null },
  { name: 'pending holds before forSeconds', rule: rule(), prev: pending, obs: BAD, now: at(119), next: pending, notify: null },
  {
    name: 'pending fires exactly at forSeconds',
    rule: rule(),
    prev: pending,
    obs: BAD,
    now: at(120),
    next: state({ state: 'firing', episode: 1, pendingSinceMs: at(0), firingSinceMs: at(120), lastNotifiedMs: at(120) }),
    notify: 'firing',
  },
  {
    name: 'forSeconds 0 fires at once',
    rule: rule({ forSeconds: 0 }),
    prev: state(),
    obs: BAD,
    now: at(0),
    next: state({ state: 'firing', episode: 1, pendingSinceMs: at(0), firingSinceMs: at(0), lastNotifiedMs: at(0) }),
    notify: 'firing',
  },
  { name: 'a healthy sample breaks pending', rule: rule(), prev: pending, obs: GOOD, now: at(60), next: state(), notify: null },
  {
    name: 'a breach after resolved starts a new pending',
    rule: rule(),
    prev: state({ state: 'resolved', episode: 1, resolvedAtMs: at(0), lastNotifiedMs: at(0) }),
    obs: BAD,
    now: at(30),
    next: state({ state: 'pending', episode: 1, pendingSinceMs: at(30), resolvedAtMs: at(0), lastNotifiedMs: at(0) }),
    notify: null,
  },
  {
    name: 'a new episode fires with episode + 1',
    rule: rule({ forSeconds: 0 }),
    prev: state({ state: 'resolved', episode: 3, resolvedAtMs: at(0), lastNotifiedMs: at(0) }),
    obs: BAD,
    now: at(30),
    next: state({ state: 'firing', episode: 4, pendingSinceMs: at(30), firingSinceMs: at(30), resolvedAtMs: at(0), lastNotifiedMs: at(30) }),
    notify: 'firing',
  },
  // firing
  { name: 'firing stays firing without a duplicate notice', rule: rule(), prev: firing, obs: BAD, now: at(600), next: firing, notify: null },
  {
    name: 'firing resolves when healthy',
    rule: rule(),
    prev: firing,
    obs: GOOD,
    now: at(300),
    next: state({ state: 'resolved', episode: 1, resolvedAtMs: at(300), lastNotifiedMs: at(300) }),
    notify: 'resolved',
  },
  {
    name: 'firing resolves when the value sits exactly at the threshold of ">"',
    rule: rule(),
    prev: firing,
    obs: seen(0.2),
    now: at(300),
    next: state({ state: 'resolved', episode: 1, resolvedAtMs: at(300), lastNotifiedMs: at(300) }),
    notify: 'resolved',
  },
  // hysteresis
  {
    name: 'hysteresis: below threshold but above recovery keeps firing',
    rule: rule({ recoveryThreshold: 0.1 }),
    prev: firing,
    obs: seen(0.15),
    now: at(300),
    next: firing,
    notify: null,
  },
  {
    name: 'hysteresis: at the recovery threshold resolves',
    rule: rule({ recoveryThreshold: 0.1 }),
    prev: firing,
    obs: seen(0.1),
    now: at(300),
    next: state({ state: 'resolved', episode: 1, resolvedAtMs: at(300), lastNotifiedMs: at(300) }),
    notify: 'resolved',
  },
  {
    name: 'hysteresis does not hold a pending instance: between the thresholds is ok',
    rule: rule({ recoveryThreshold: 0.1 }),
    prev: pending,
    obs: seen(0.15),
    now: at(60),
    next: state(),
    notify: null,
  },
  // min requests / no data, default mode ('ok')
  { name: "no data ('ok'): ok becomes no_data", rule: rule(), prev: state(), obs: QUIET, now: at(0), next: state({ state: 'no_data' }), notify: null },
  { name: "no data ('ok'): pending falls back", rule: rule(), prev: pending, obs: QUIET, now: at(60), next: state({ state: 'no_data' }), notify: null },
  {
    name: "no data ('ok'): firing resolves",
    rule: rule(),
    prev: firing,
    obs: QUIET,
    now: at(300),
    next: state({ state: 'resolved', episode: 1, resolvedAtMs: at(300), lastNotifiedMs: at(300) }),
    notify: 'resolved',
  },
  {
    name: "no data ('ok'): resolved becomes no_data",
    rule: rule(),
    prev: state({ state: 'resolved', episode: 1, resolvedAtMs: at(0), lastNotifiedMs: at(0) }),
    obs: QUIET,
    now: at(30),
    next: state({ state: 'no_data', episode: 1, resolvedAtMs: at(0), lastNotifiedMs: at(0) }),
    notify: null,
  },
  { name: 'exactly minRequests is data', rule: rule(), prev: state(), obs: seen(0.5, 10), now: at(0), next: pending, notify: null },
  { name: 'one call short of minRequests is no data', rule: rule(), prev: state(), obs: seen(0.5, 9), now: at(0), next: state({ state: 'no_data' }), notify: null },
  {
    name: 'a null value is no data even with minRequests 0',
    rule: rule({ minRequests: 0 }),
    prev: state(),
    obs: seen(null, 0),
    now: at(0),
    next: state({ state: 'no_data' }),
    notify: null,
  },
  {
    name: 'a null value resolves a firing instance in ok mode',
    rule: rule({ minRequests: 0 }),
    prev: firing,
    obs: seen(null, 0),
    now: at(300),
    next: state({ state: 'resolved', episode: 1, resolvedAtMs: at(300), lastNotifiedMs: at(300) }),
    notify: 'resolved',
  },
  // no data, 'keep'
  { name: "no data ('keep'): ok stays ok", rule: rule({ noDataState: 'keep' }), prev: state(), obs: QUIET, now: at(0), next: state(), notify: null },
  { name: "no data ('keep'): pending stays pending", rule: rule({ noDataState: 'keep' }), prev: pending, obs: QUIET, now: at(300), next: pending, notify: null },
  { name: "no data ('keep'): firing stays firing", rule: rule({ noDataState: 'keep' }), prev: firing, obs: QUIET, now: at(300), next: firing, notify: null },
  {
    name: "no data ('keep'): a kept firing instance still renotifies",
    rule: rule({ noDataState: 'keep', renotifySeconds: 600 }),
    prev: firing,
    obs: QUIET,
    now: at(720),
    next: { ...firing, lastNotifiedMs: at(720) },
    notify: 'renotify',
  },
  {
    name: "no data ('keep'): a null value keeps firing",
    rule: rule({ noDataState: 'keep', minRequests: 0 }),
    prev: firing,
    obs: seen(null, 0),
    now: at(300),
    next: firing,
    notify: null,
  },
  // renotify
  { name: 'renotify waits for renotifySeconds', rule: rule({ renotifySeconds: 600 }), prev: firing, obs: BAD, now: at(719), next: firing, notify: null },
  {
    name: 'renotify after renotifySeconds since the last notice',
    rule: rule({ renotifySeconds: 600 }),
    prev: firing,
    obs: BAD,
    now: at(720),
    next: { ...firing, lastNotifiedMs: at(720) },
    notify: 'renotify',
  },
  {
    name: 'renotify also while held by hysteresis',
    rule: rule({ renotifySeconds: 600, recoveryThreshold: 0.1 }),
    prev: firing,
    obs: seen(0.15),
    now: at(720),
    next: { ...firing, lastNotifiedMs: at(720) },
    notify: 'renotify',
  },
  { name: 'no renotify without renotifySeconds', rule: rule(), prev: firing, obs: BAD, now: at(86_400), next: firing, notify: null },
  // mute
  {
    name: 'muted: fires silently and leaves the episode unannounced',
    rule: rule({ forSeconds: 0, mutedUntilMs: at(600) }),
    prev: state(),
    obs: BAD,
    now: at(0),
    next: state({ state: 'firing', episode: 1, pendingSinceMs: at(0), firingSinceMs: at(0), lastNotifiedMs: null }),
    notify: null,
  },
  {
    name: 'muted: no renotify',
    rule: rule({ renotifySeconds: 600, mutedUntilMs: at(3600) }),
    prev: firing,
    obs: BAD,
    now: at(1800),
    next: firing,
    notify: null,
  },
  {
    name: 'mute ended: a still-firing unannounced episode sends its firing notice',
    rule: rule({ mutedUntilMs: at(600) }),
    prev: { ...firing, lastNotifiedMs: null },
    obs: BAD,
    now: at(600),
    next: { ...firing, lastNotifiedMs: at(600) },
    notify: 'firing',
  },
  {
    name: 'muted: resolves silently, keeping the last notice time',
    rule: rule({ mutedUntilMs: at(3600) }),
    prev: firing,
    obs: GOOD,
    now: at(300),
    next: state({ state: 'resolved', episode: 1, resolvedAtMs: at(300), lastNotifiedMs: at(120) }),
    notify: null,
  },
  {
    name: 'an unannounced episode resolves without a resolved notice, even after the mute',
    rule: rule({ mutedUntilMs: at(200) }),
    prev: { ...firing, lastNotifiedMs: null },
    obs: GOOD,
    now: at(300),
    next: state({ state: 'resolved', episode: 1, resolvedAtMs: at(300), lastNotifiedMs: null }),
    notify: null,
  },
  {
    name: 'mutedUntil (ISO) is honoured when mutedUntilMs is not given',
    rule: rule({ forSeconds: 0, mutedUntil: new Date(at(600)).toISOString() }),
    prev: state(),
    obs: BAD,
    now: at(0),
    next: state({ state: 'firing', episode: 1, pendingSinceMs: at(0), firingSinceMs: at(0), lastNotifiedMs: null }),
    notify: null,
  },
  {
    name: 'mutedUntilMs null (stored "not muted") wins over a stale mutedUntil',
    rule: rule({ forSeconds: 0, mutedUntil: new Date(at(600)).toISOString(), mutedUntilMs: null }),
    prev: state(),
    obs: BAD,
    now: at(0),
    next: state({ state: 'firing', episode: 1, pendingSinceMs: at(0), firingSinceMs: at(0), lastNotifiedMs: at(0) }),
    notify: 'firing',
  },
];

describe('decideTransition: one step', () => {
  it.each(steps)('$name', ({ rule: r, prev, obs, now, next, notify }) => {
    expect(decideTransition(r, prev, obs, now)).toEqual({ next, notify } satisfies Decision);
  });
});

const comparatorCases: [DecisionRule['comparator'], number, number, boolean][] = [
  ['>', 10, 11, true],
  ['>', 10, 10, false],
  ['>=', 10, 10, true],
  ['>=', 10, 9.99, false],
  ['<', 10, 9, true],
  ['<', 10, 10, false],
  ['<=', 10, 10, true],
  ['<=', 10, 10.01, false],
];

describe('breaches and recovered', () => {
  it.each(comparatorCases)('%s %d with value %d breaches: %s', (comparator, threshold, value, expected) => {
    expect(breaches({ comparator, threshold }, value)).toBe(expected);
    expect(recovered({ comparator, threshold }, value)).toBe(!expected);
    const d = decideTransition(rule({ comparator, threshold, forSeconds: 0, minRequests: 1 }), state(), seen(value), at(0));
    expect(d.next.state).toBe(expected ? 'firing' : 'ok');
  });

  it('never breaches or recovers on an unknown value', () => {
    for (const comparator of ['>', '>=', '<', '<='] as const) {
      expect(breaches({ comparator, threshold: 0 }, null)).toBe(false);
      expect(recovered({ comparator, threshold: 0 }, null)).toBe(false);
    }
  });

  it.each([
    ['>', 500, 300, 301, false],
    ['>', 500, 300, 300, true],
    ['>=', 500, 300, 300, false],
    ['>=', 500, 300, 299, true],
    ['<', 5, 10, 9, false],
    ['<', 5, 10, 10, true],
    ['<=', 5, 10, 10, false],
    ['<=', 5, 10, 11, true],
  ] as const)('hysteresis %s %d, recovery %d, value %d recovered: %s', (comparator, threshold, recoveryThreshold, value, expected) => {
    expect(recovered({ comparator, threshold, recoveryThreshold }, value)).toBe(expected);
  });

  it('reads the mute end from mutedUntilMs, else from mutedUntil', () => {
    expect(isMuted({ mutedUntilMs: at(10) }, at(9))).toBe(true);
    expect(isMuted({ mutedUntilMs: at(10) }, at(10))).toBe(false);
    expect(isMuted({ mutedUntil: new Date(at(10)).toISOString() }, at(9))).toBe(true);
    expect(isMuted({ mutedUntil: null }, at(9))).toBe(false);
    expect(isMuted({}, at(9))).toBe(false);
  });
});

/** Evaluations at [seconds, value, requests?]; returns state, notice and episode after each. */
function play(r: DecisionRule, samples: [number, number | null, number?][], start: InstanceState = initialInstanceState) {
  let current = start;
  const trace: string[] = [];
  for (const [seconds, value, requests = 100] of samples) {
    const d = decideTransition(r, current, { value, requests }, at(seconds));
    current = d.next;
    trace.push(`${current.state}#${current.episode}${d.notify ? `:${d.notify}` : ''}`);
  }
  return { trace, last: current };
}

describe('decideTransition: scenarios', () => {
  it('one firing and one resolved notice per episode, and episodes count', () => {
    const r = rule({ forSeconds: 60 });
    const { trace } = play(r, [
      [0, 0.5],
      [30, 0.5],
      [60, 0.5],
      [90, 0.6],
      [120, 0.1],
      [150, 0.1],
      [180, 0.4],
      [210, 0.1],
      [240, 0.4],
      [300, 0.4],
      [330, 0.05],
    ]);
    expect(trace).toEqual([
      'pending#0',
      'pending#0',
      'firing#1:firing',
      'firing#1',
      'resolved#1:resolved',
      'ok#1',
      'pending#1',
      'ok#1',
      'pending#1',
      'firing#2:firing',
      'resolved#2:resolved',
    ]);
  });

  it('a restart mid-episode picks up from the persisted state without a duplicate notice', () => {
    const r = rule({ forSeconds: 60, renotifySeconds: 600 });
    const samples: [number, number][] = [
      [0, 0.5],
      [60, 0.5],
      [90, 0.5],
      [400, 0.5],
      [660, 0.5],
      [700, 0.1],
    ];
    const straight = play(r, samples).trace;
    // Stop after the firing notice, persist as JSON (as the runner's row would), start afresh.
    const before = play(r, samples.slice(0, 3));
    const persisted = JSON.parse(JSON.stringify(before.last)) as InstanceState;
    const after = play(r, samples.slice(3), persisted);
    expect([...before.trace, ...after.trace]).toEqual(straight);
    expect(straight).toEqual(['pending#0', 'firing#1:firing', 'firing#1', 'firing#1', 'firing#1:renotify', 'resolved#1:resolved']);
  });

  it('a restart while pending keeps the pending clock', () => {
    const r = rule({ forSeconds: 120 });
    const before = play(r, [[0, 0.5]]);
    const after = play(r, [[120, 0.5]], JSON.parse(JSON.stringify(before.last)) as InstanceState);
    expect(after.trace).toEqual(['firing#1:firing']);
  });

  it('a mute over the start of an episode delays the firing notice to the mute end', () => {
    const r = rule({ forSeconds: 0, mutedUntilMs: at(300), renotifySeconds: 600 });
    const { trace } = play(r, [
      [0, 0.5],
      [270, 0.5],
      [300, 0.5],
      [600, 0.5],
      [900, 0.5],
      [930, 0.1],
    ]);
    expect(trace).toEqual(['firing#1', 'firing#1', 'firing#1:firing', 'firing#1', 'firing#1:renotify', 'resolved#1:resolved']);
  });

  it('an episode entirely inside a mute sends nothing; the next one notifies normally', () => {
    const r = rule({ forSeconds: 0, mutedUntilMs: at(200) });
    const { trace } = play(r, [
      [0, 0.5],
      [100, 0.1],
      [300, 0.5],
      [400, 0.1],
    ]);
    expect(trace).toEqual(['firing#1', 'resolved#1', 'firing#2:firing', 'resolved#2:resolved']);
  });

  it('a quiet spell resolves in ok mode and holds the episode in keep mode', () => {
    const samples: [number, number | null, number][] = [
      [0, 0.5, 100],
      [30, 0.9, 2],
      [60, 0.9, 2],
      [90, 0.5, 100],
    ];
    expect(play(rule({ forSeconds: 0 }), samples).trace).toEqual(['firing#1:firing', 'resolved#1:resolved', 'no_data#1', 'firing#2:firing']);
    expect(play(rule({ forSeconds: 0, noDataState: 'keep' }), samples).trace).toEqual(['firing#1:firing', 'firing#1', 'firing#1', 'firing#1']);
  });

  it('a p95 latency rule with "<" resolves with hysteresis upward', () => {
    const r = rule({ comparator: '<', threshold: 100, recoveryThreshold: 250, forSeconds: 0, minRequests: 1 });
    expect(play(r, [[0, 50], [30, 100], [60, 250], [90, 500]]).trace).toEqual([
      'firing#1:firing',
      'firing#1',
      'resolved#1:resolved',
      'ok#1',
    ]);
  });
});
