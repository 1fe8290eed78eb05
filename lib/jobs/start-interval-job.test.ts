import { afterEach, describe, expect, it } from 'vitest';
import { type IntervalJob, newLeaseHolder, startIntervalJob } from './start-interval-job';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let job: IntervalJob | undefined;
afterEach(async () => {
  await job?.stop();
  job = undefined;
});

describe('startIntervalJob', () => {
  it('never runs two passes at once, even when a pass outlasts the interval', async () => {
    let active = 0;
    let maxActive = 0;
    let passes = 0;
    job = startIntervalJob(
      async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        await sleep(15);
        active--;
        passes++;
      },
      { intervalMs: 1, firstDelayMs: 0 },
    );
    await sleep(120);
    expect(passes).toBeGreaterThan(2);
    expect(maxActive).toBe(1);
  });

  it('keeps going after a pass fails', async () => {
    let calls = 0;
    job = startIntervalJob(
      async () => {
        calls++;
        throw new Error('database is locked');
      },
      { intervalMs: 2, firstDelayMs: 0 },
    );
    await sleep(60);
    expect(calls).toBeGreaterThan(2);
  });

  it('stop() waits for the running pass, tells it to stop, and starts no other', async () => {
    let calls = 0;
    let sawStopping = false;
    let finished = false;
    const started = new Promise<void>((resolve) => {
      job = startIntervalJob(
        async () => {
          calls++;
          resolve();
          await sleep(30);
          sawStopping = job!.stopping;
          finished = true;
        },
        { intervalMs: 1, firstDelayMs: 0 },
      );
    });
    await started;
    await job!.stop();
    expect(finished).toBe(true);
    expect(sawStopping).toBe(true);
    await sleep(20);
    expect(calls).toBe(1);
  });

  it('waits firstDelayMs before the first pass', async () => {
    let calls = 0;
    job = startIntervalJob(
      async () => {
        calls++;
      },
      { intervalMs: 1, firstDelayMs: 200 },
    );
    await sleep(50);
    expect(calls).toBe(0);
  });
});

describe('newLeaseHolder', () => {
  it('names this process and differs per call', () => {
    const a = newLeaseHolder();
    expect(a).toContain(`:${process.pid}:`);
    expect(newLeaseHolder()).not.toBe(a);
  });
});
