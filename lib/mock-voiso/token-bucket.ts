// A token bucket on an injected millisecond clock: the rate limit each API key gets.

export interface TokenBucketConfig {
  capacity: number;
  refillPerSecond: number;
}

export interface TokenTake {
  allowed: boolean;
  /** Whole tokens left after this request, as sent in X-RateLimit-Remaining. */
  remaining: number;
  /** Seconds until one token is available (ceil, at least 1) when refused; 0 when allowed. */
  retryAfterSeconds: number;
}

export class TokenBucket {
  private tokens: number;
  private lastMs: number;

  constructor(
    private readonly config: TokenBucketConfig,
    nowMs: number,
  ) {
    this.tokens = config.capacity;
    this.lastMs = nowMs;
  }

  take(nowMs: number): TokenTake {
    this.refill(nowMs);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { allowed: true, remaining: Math.floor(this.tokens), retryAfterSeconds: 0 };
    }
    const secondsToOneToken = (1 - this.tokens) / this.config.refillPerSecond;
    // Clients sleep for Retry-After and try again; 0 would invite an immediate retry storm.
    return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(secondsToOneToken)) };
  }

  private refill(nowMs: number): void {
    // A clock that goes backwards (fake clocks in tests) must not drain the bucket.
    const elapsedMs = Math.max(0, nowMs - this.lastMs);
    this.tokens = Math.min(this.config.capacity, this.tokens + (elapsedMs * this.config.refillPerSecond) / 1000);
    this.lastMs = Math.max(this.lastMs, nowMs);
  }
}
