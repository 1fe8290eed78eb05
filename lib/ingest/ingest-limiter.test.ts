import { describe, expect, it } from 'vitest';
import { createIngestLimiter } from './ingest-limiter';

describe('createIngestLimiter', () => {
  // Regression (found by e2e/overload.spec.ts): a request whose work never waits on I/O ran
  // start to end in one go, so the next ones never met the bound and queued in front of it.
  it('acquire() holds the slot across a turn of the event loop, so a request arriving meanwhile is refused', async () => {
    const limiter = createIngestLimiter(1);
    // Another request, already read from its socket: it runs at the next turn of the event loop.
    let second: unknown = 'not yet';
    const arrived = new Promise<void>((resolve) =>
      setImmediate(async () => {
        second = await limiter.acquire();
        resolve();
      }),
    );
    // The first request's work never waits on I/O: it releases as soon as acquire() lets it go on.
    const first = (async () => {
      const release = await limiter.acquire();
      release?.();
      return release;
    })();
    await arrived;
    expect(await first).not.toBeNull();
    expect(second).toBeNull();
    expect(limiter.inFlight).toBe(0);
  });

  it('a release frees the slot once, however often it is called', () => {
    const limiter = createIngestLimiter(2);
    const release = limiter.tryAcquire();
    limiter.tryAcquire();
    release?.();
    release?.();
    expect(limiter.inFlight).toBe(1);
  });
});
