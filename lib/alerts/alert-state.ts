// The states an alert instance moves through, and what the decision functions exchange with
// the runner. Pure data: the runner persists InstanceState and sends what `notify` asks for.

export type AlertStateName = 'ok' | 'pending' | 'firing' | 'resolved' | 'no_data';

export interface InstanceState {
  state: AlertStateName;
  /** Increases each time the instance starts firing; one firing and one resolved notice per episode. */
  episode: number;
  pendingSinceMs: number | null;
  firingSinceMs: number | null;
  resolvedAtMs: number | null;
  lastNotifiedMs: number | null;
}

/** The metric of one instance over the rule's window. */
export interface Observation {
  /** The rate (0..1), count, or p95 latency in ms; null when it cannot be computed. */
  value: number | null;
  /** Calls in the window (for minRequests). */
  requests: number;
}

export type NotificationKind = 'firing' | 'resolved' | 'renotify';

export interface Decision {
  next: InstanceState;
  /** What to send now, if anything. */
  notify: NotificationKind | null;
}

export const initialInstanceState: InstanceState = {
  state: 'ok',
  episode: 0,
  pendingSinceMs: null,
  firingSinceMs: null,
  resolvedAtMs: null,
  lastNotifiedMs: null,
};
