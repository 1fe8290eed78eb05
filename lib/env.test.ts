import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, getEnv, resetEnvForTests } from './env';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

function withEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvForTests();
  return getEnv();
}

describe('getEnv', () => {
  it('applies the documented defaults', () => {
    const env = withEnv({ DATABASE_URL: undefined, PORT: undefined, FAULTLINE_MAX_BODY_BYTES: undefined, FAULTLINE_INGEST_TOKEN: undefined });
    expect(env).toMatchObject({ PORT: 3000, FAULTLINE_MAX_BODY_BYTES: 16 * 1024 * 1024, FAULTLINE_MAX_INFLIGHT_INGEST: 32 });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('sizes the ingest decode pool at one thread per spare core (1 to 4) by default; 0 turns it off', () => {
    const threads = withEnv({ FAULTLINE_INGEST_DECODE_THREADS: undefined }).FAULTLINE_INGEST_DECODE_THREADS;
    expect(threads).toBeGreaterThanOrEqual(1);
    expect(threads).toBeLessThanOrEqual(4);
    expect(withEnv({ FAULTLINE_INGEST_DECODE_THREADS: '0' }).FAULTLINE_INGEST_DECODE_THREADS).toBe(0);
    expect(() => withEnv({ FAULTLINE_INGEST_DECODE_THREADS: 'two' })).toThrow(/FAULTLINE_INGEST_DECODE_THREADS must be a whole number/);
    expect(() => withEnv({ FAULTLINE_INGEST_DECODE_THREADS: '65' })).toThrow(/FAULTLINE_INGEST_DECODE_THREADS must be between 0 and 64/);
  });

  it('reads the alert interval, 30 s by default', () => {
    expect(withEnv({ FAULTLINE_ALERT_INTERVAL_SECONDS: undefined }).FAULTLINE_ALERT_INTERVAL_SECONDS).toBe(30);
    expect(withEnv({ FAULTLINE_ALERT_INTERVAL_SECONDS: '5' }).FAULTLINE_ALERT_INTERVAL_SECONDS).toBe(5);
  });

  it('keeps raw calls 7 days and rollups 90 by default, pruning every 5 minutes', () => {
    const env = withEnv({ FAULTLINE_RETENTION_DAYS: undefined, FAULTLINE_ROLLUP_RETENTION_DAYS: undefined, FAULTLINE_PRUNE_INTERVAL_SECONDS: undefined });
    expect(env).toMatchObject({ FAULTLINE_RETENTION_DAYS: 7, FAULTLINE_ROLLUP_RETENTION_DAYS: 90, FAULTLINE_PRUNE_INTERVAL_SECONDS: 300 });
    expect(withEnv({ FAULTLINE_RETENTION_DAYS: '30', FAULTLINE_ROLLUP_RETENTION_DAYS: '30' })).toMatchObject({
      FAULTLINE_RETENTION_DAYS: 30,
      FAULTLINE_ROLLUP_RETENTION_DAYS: 30,
    });
  });

  it.each([
    [{ FAULTLINE_RETENTION_DAYS: '0' }, /FAULTLINE_RETENTION_DAYS must be between 1 and 3650/],
    [{ FAULTLINE_ROLLUP_RETENTION_DAYS: '3651' }, /FAULTLINE_ROLLUP_RETENTION_DAYS must be between 1 and 3650/],
    [{ FAULTLINE_RETENTION_DAYS: '30', FAULTLINE_ROLLUP_RETENTION_DAYS: '14' }, /FAULTLINE_ROLLUP_RETENTION_DAYS: .*at least FAULTLINE_RETENTION_DAYS/],
    [{ FAULTLINE_PRUNE_INTERVAL_SECONDS: '1' }, /FAULTLINE_PRUNE_INTERVAL_SECONDS must be between 10 and 86400/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL: .*file:/],
    [{ PORT: 'eighty' }, /PORT: PORT must be a whole number/],
    [{ PORT: '70000' }, /PORT must be between 1 and 65535/],
    [{ FAULTLINE_INGEST_TOKEN: 'short' }, /FAULTLINE_INGEST_TOKEN: .*at least 16/],
    [{ FAULTLINE_MAX_BODY_BYTES: '-1' }, /FAULTLINE_MAX_BODY_BYTES/],
    [{ FAULTLINE_ALERT_INTERVAL_SECONDS: '4' }, /FAULTLINE_ALERT_INTERVAL_SECONDS must be between 5 and 3600/],
    [{ FAULTLINE_ALERT_INTERVAL_SECONDS: '1.5' }, /FAULTLINE_ALERT_INTERVAL_SECONDS must be a whole number/],
  ])('names the bad variable: %o', (vars, message) => {
    expect(() => withEnv(vars)).toThrow(ConfigError);
    expect(() => withEnv(vars)).toThrow(message);
  });
});
