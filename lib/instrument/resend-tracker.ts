// Recognises application-level retries: the same call, by the same key, soon after it failed
// (or soon after the wait the server asked for with Retry-After).
import { createHash } from 'node:crypto';

export interface ResendTrackerOptions {
  /**
   * A repeat later than this after the failure (plus its Retry-After, if any) is a new call,
   * not a resend: a job polling every few seconds is not retrying.
   */
  windowMs: number;
  /** Bound on remembered failures, so a client that calls many distinct URLs stays small. */
  maxEntries: number;
}

interface Failure {
  resendCount: number;
  /** When a repeat stops counting as a resend. */
  untilMs: number;
}

/**
 * Keeps, per call identity (method, URL, key fingerprint), the last failure.
 * A call that repeats a failed one within the window is resend n+1; a success forgets it.
 */
export class ResendTracker {
  private readonly failures = new Map<string, Failure>();

  constructor(private readonly options: ResendTrackerOptions) {}

  /** The resend count of a call starting now: 0 for a first attempt. */
  resendCountFor(callKey: string, nowMs: number): number {
    const failure = this.failures.get(callKey);
    if (!failure) return 0;
    if (nowMs > failure.untilMs) {
      this.failures.delete(callKey);
      return 0;
    }
    return failure.resendCount + 1;
  }

  /** Records how a call (that started with `resendCount`) ended; `retryAfterMs` extends the window. */
  recordOutcome(callKey: string, resendCount: number, failed: boolean, nowMs: number, retryAfterMs = 0): void {
    this.failures.delete(callKey);
    if (!failed) return;
    this.failures.set(callKey, { resendCount, untilMs: nowMs + retryAfterMs + this.options.windowMs });
    // Map iteration is insertion order, so the first key is the least recently failed.
    if (this.failures.size > this.options.maxEntries) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }
}

/**
 * The identity of a call for resend detection: another page or another query is another call.
 * Hashed, so the remembered failures hold no query values (they can be secrets) and stay small.
 */
export function callKeyOf(method: string, origin: string, path: string, fingerprint: string | undefined): string {
  const cut = path.indexOf('#');
  const target = cut >= 0 ? path.slice(0, cut) : path;
  return createHash('sha256')
    .update(`${method.toUpperCase()} ${origin}${target} ${fingerprint ?? '-'}`)
    .digest('base64url');
}

/** Milliseconds from a Retry-After value in seconds or as an HTTP date; 0 when absent or invalid. */
export function retryAfterMsOf(value: string | undefined, nowMs: number): number {
  if (!value) return 0;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text), 86_400) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? 0 : Math.min(Math.max(at - nowMs, 0), 86_400_000);
}
