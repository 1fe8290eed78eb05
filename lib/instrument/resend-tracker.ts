// Recognises application-level retries: the same call, by the same key, soon after it failed.

export interface ResendTrackerOptions {
  /** A repeat later than this after the failure is a new call, not a resend. */
  windowMs: number;
  /** Bound on remembered failures, so a client that calls many distinct URLs stays small. */
  maxEntries: number;
}

interface Failure {
  resendCount: number;
  atMs: number;
}

/**
 * Keeps, per call identity (method, URL without query, key fingerprint), the last failure.
 * A call that repeats a failed one within the window is resend n+1; a success forgets it.
 */
export class ResendTracker {
  private readonly failures = new Map<string, Failure>();

  constructor(private readonly options: ResendTrackerOptions) {}

  /** The resend count of a call starting now: 0 for a first attempt. */
  resendCountFor(callKey: string, nowMs: number): number {
    const failure = this.failures.get(callKey);
    if (!failure) return 0;
    if (nowMs - failure.atMs > this.options.windowMs) {
      this.failures.delete(callKey);
      return 0;
    }
    return failure.resendCount + 1;
  }

  /** Records how a call (that started with `resendCount`) ended. */
  recordOutcome(callKey: string, resendCount: number, failed: boolean, nowMs: number): void {
    this.failures.delete(callKey);
    if (!failed) return;
    this.failures.set(callKey, { resendCount, atMs: nowMs });
    // Map iteration is insertion order, so the first key is the least recently failed.
    if (this.failures.size > this.options.maxEntries) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }
}

/** The identity of a call for resend detection; the query is left out (it may vary or hold secrets). */
export function callKeyOf(method: string, origin: string, path: string, fingerprint: string | undefined): string {
  const cut = path.search(/[?#]/);
  return `${method.toUpperCase()} ${origin}${cut >= 0 ? path.slice(0, cut) : path} ${fingerprint ?? '-'}`;
}
