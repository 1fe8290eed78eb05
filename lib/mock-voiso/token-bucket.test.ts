import { describe, expect, it } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('starts full and counts down whole tokens', () => {
    const bucket = new TokenBucket({ capacity: 3, refillPerSecond: 1 }, 0);
    expect(bucket.take(0)).toEqual({ allowed: true, remaining: 2, retryAfterSeconds: 0 });
    expect(bucket.take(0)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    expect(bucket.take(0)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    expect(bucket.take(0)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
  });

  it('answers Retry-After as the ceiling of the wait for one token', () => {
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 0.25 }, 0);
    bucket.take(0);
    expect(bucket.take(0).retryAfterSeconds).toBe(4);
    expect(bucket.take(1_000).retryAfterSeconds).toBe(3);
    expect(bucket.take(3_001).retryAfterSeconds).toBe(1);
    expect(bucket.take(4_000)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
  });

  it('never answers a Retry-After below 1 second', () => {
    const bucket = new TokenBucket({ capacity: 1, refillPerSecond: 100 }, 0);
    bucket.take(0);
    expect(bucket.take(5)).toEqual({ allowed: false, remaining: 0, retryAfterSeconds: 1 });
  });

  it('refills at the configured rate but not beyond capacity', () => {
    const bucket = new TokenBucket({ capacity: 5, refillPerSecond: 10 }, 0);
    for (let i = 0; i < 5; i++) bucket.take(0);
    expect(bucket.take(250)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    expect(bucket.take(60_000)).toEqual({ allowed: true, remaining: 4, retryAfterSeconds: 0 });
  });

  it('is not drained by a clock that goes backwards', () => {
    const bucket = new TokenBucket({ capacity: 2, refillPerSecond: 1 }, 10_000);
    expect(bucket.take(5_000)).toEqual({ allowed: true, remaining: 1, retryAfterSeconds: 0 });
    expect(bucket.take(10_000)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
    expect(bucket.take(11_000)).toEqual({ allowed: true, remaining: 0, retryAfterSeconds: 0 });
  });
});
