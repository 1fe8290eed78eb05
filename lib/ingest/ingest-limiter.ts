// Bounds the export requests being decoded and written at once. Past the bound the
// receiver answers 429 with Retry-After (OTLP exporters retry it) instead of queueing
// bodies in memory without limit.
export interface IngestLimiter {
  /** A release function, or null when the limit is reached. */
  tryAcquire(): (() => void) | null;
  readonly inFlight: number;
}

export function createIngestLimiter(max: number): IngestLimiter {
  let inFlight = 0;
  return {
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
}
