// Bounds the export requests being decoded and written at once. Past the bound the
// receiver answers 429 with Retry-After (OTLP exporters retry it) instead of queueing
// bodies in memory without limit.
export interface IngestLimiter {
  /** A release function, or null when the limit is reached. */
  tryAcquire(): (() => void) | null;
  /**
   * tryAcquire, then one turn of the event loop while holding the slot. Decoding and a SQLite
   * write never wait on I/O, so without the turn a request would run start to end in one go:
   * the next ones would wait, bodies and all, in front of the limiter (unbounded) instead of
   * meeting it. The turn lets requests that arrived meanwhile reach tryAcquire and be refused.
   */
  acquire(): Promise<(() => void) | null>;
  readonly inFlight: number;
}

export function createIngestLimiter(max: number): IngestLimiter {
  let inFlight = 0;
  const limiter: IngestLimiter = {
    async acquire() {
      const release = limiter.tryAcquire();
      if (release) await new Promise((resolve) => setImmediate(resolve));
      return release;
    },
    tryAcquire() {
      if (inFlight >= max) return null;
      inFlight += 1;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        inFlight -= 1;
      };
    },
    get inFlight() {
      return inFlight;
    },
  };
  return limiter;
}
