// Opt-in tracing of the dashboard's own outbound calls (FAULTLINE_SELF_TRACE), through the same
// instrumentation module that applications use. Its own ingest traffic is never exported:
// incoming requests are not traced and calls to the OTLP endpoint are excluded.
import type { BootstrapToken } from '@/lib/auth/ensure-bootstrap-tokens';
import { ConfigError, type Env } from '@/lib/env';
import type { TelemetryOptions } from '@/lib/instrument/telemetry-options';

/** The instrumentation options for self-tracing, or null when it is off. */
export function selfTelemetryOptions(env: Env, base: string, tokens: readonly BootstrapToken[]): TelemetryOptions | null {
  if (!env.FAULTLINE_SELF_TRACE) return null;
  const generated = tokens.find(
    (t): t is Extract<BootstrapToken, { source: 'generated' }> => t.kind === 'ingest' && t.source === 'generated',
  )?.token;
  const token = env.FAULTLINE_SELF_TRACE_TOKEN ?? env.FAULTLINE_INGEST_TOKEN ?? generated;
  if (!token) {
    throw new ConfigError(
      'FAULTLINE_SELF_TRACE is on but no ingest token is known: set FAULTLINE_SELF_TRACE_TOKEN (or FAULTLINE_INGEST_TOKEN)',
    );
  }
  return {
    serviceName: 'faultline',
    endpoint: env.FAULTLINE_SELF_TRACE_ENDPOINT ?? base,
    token,
    apiHosts: env.FAULTLINE_SELF_TRACE_HOSTS,
  };
}

/** Starts self-tracing when configured; returns the line to log, or null. */
export async function startSelfTelemetry(
  env: Env,
  base: string,
  tokens: readonly BootstrapToken[],
): Promise<string | null> {
  const options = selfTelemetryOptions(env, base, tokens);
  if (!options) return null;
  // Loaded only when enabled: the SDK is not needed by a server that does not trace itself.
  const { startFaultlineTelemetry } = await import('@/lib/instrument/start-faultline-telemetry');
  startFaultlineTelemetry(options);
  return `[faultline] self-tracing:  calls to ${options.apiHosts.join(', ')} exported to ${options.endpoint}`;
}
