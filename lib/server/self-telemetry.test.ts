// Self-tracing is off unless asked for, and then needs a token it can actually send.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, getEnv, resetEnvForTests } from '@/lib/env';
import { selfTelemetryOptions } from './self-telemetry';

const saved = { ...process.env };

function envWith(vars: Record<string, string>) {
  for (const key of Object.keys(process.env)) if (key.startsWith('FAULTLINE_')) delete process.env[key];
  Object.assign(process.env, vars);
  resetEnvForTests();
  return getEnv();
}

afterEach(() => {
  process.env = { ...saved };
  resetEnvForTests();
});

describe('selfTelemetryOptions', () => {
  it('is off by default', () => {
    expect(selfTelemetryOptions(envWith({}), 'http://localhost:3000', [])).toBeNull();
  });

  it('uses the ingest token and traces every outbound host unless told otherwise', () => {
    const env = envWith({ FAULTLINE_SELF_TRACE: 'true', FAULTLINE_INGEST_TOKEN: 'fl_ingest_0123456789abcdef' });
    expect(selfTelemetryOptions(env, 'http://localhost:3000', [{ kind: 'ingest', source: 'environment' }])).toEqual({
      serviceName: 'faultline',
      endpoint: 'http://localhost:3000',
      token: 'fl_ingest_0123456789abcdef',
      apiHosts: ['*'],
    });
  });

  it('takes its own endpoint, token and hosts, or a token generated at this start', () => {
    const env = envWith({
      FAULTLINE_SELF_TRACE: '1',
      FAULTLINE_SELF_TRACE_ENDPOINT: 'https://other-faultline.example.com',
      FAULTLINE_SELF_TRACE_HOSTS: 'hooks.slack.com, *.example.com',
    });
    const generated = [{ kind: 'ingest' as const, source: 'generated' as const, token: 'fl_ingest_generated_123' }];
    expect(selfTelemetryOptions(env, 'http://localhost:3000', generated)).toMatchObject({
      endpoint: 'https://other-faultline.example.com',
      token: 'fl_ingest_generated_123',
      apiHosts: ['hooks.slack.com', '*.example.com'],
    });
  });

  it('fails at boot, naming the variables, when no token is known', () => {
    const env = envWith({ FAULTLINE_SELF_TRACE: 'true' });
    expect(() => selfTelemetryOptions(env, 'http://localhost:3000', [{ kind: 'ingest', source: 'stored' }])).toThrow(
      ConfigError,
    );
    expect(() => selfTelemetryOptions(env, 'http://localhost:3000', [])).toThrow(/FAULTLINE_SELF_TRACE_TOKEN/);
  });

  it('rejects a value that is not a boolean', () => {
    expect(() => envWith({ FAULTLINE_SELF_TRACE: 'yes' })).toThrow(/FAULTLINE_SELF_TRACE must be true or false/);
  });
});
