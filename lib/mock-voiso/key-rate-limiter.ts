// One token bucket per API key, created lazily on the key's first authenticated request.
import { TokenBucket, type TokenBucketConfig, type TokenTake } from './token-bucket';

export class KeyRateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(readonly config: TokenBucketConfig) {}

  // Buckets are keyed by the raw key, not by cluster: a key shares its budget across clusters.
  take(apiKey: string, nowMs: number): TokenTake {
    let bucket = this.buckets.get(apiKey);
    if (!bucket) {
      bucket = new TokenBucket(this.config, nowMs);
      this.buckets.set(apiKey, bucket);
    }
    return bucket.take(nowMs);
  }
}
