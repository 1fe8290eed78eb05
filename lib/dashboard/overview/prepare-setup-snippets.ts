// What the empty overview tells a new user to paste: where to send spans and how, with the
// stock OpenTelemetry variables or Faultline's instrumentation module (docs/instrument.md).
// The token itself is never shown: only its hash is stored.

export interface SetupSnippets {
  /** The server's address, without a trailing slash. */
  baseUrl: string;
  /** The full OTLP/HTTP traces URL. */
  otlpEndpoint: string;
  /** Shell lines with the stock OTel exporter variables. */
  envVars: string;
  /** JavaScript that starts the instrumentation module. */
  instrumentation: string;
}

export const tokenPlaceholder = '<ingest token>';

/** FAULTLINE_PUBLIC_URL when set, else this machine on PORT. */
export function publicBaseUrl(publicUrl: string | undefined, port: number): string {
  return (publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');
}

// Plain URLs pass as they are; anything a shell would interpret is single-quoted.
export function shellWord(value: string): string {
  return /^[A-Za-z0-9_:/.%@+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function jsString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

export function prepareSetupSnippets(baseUrl: string): SetupSnippets {
  const envVars = [
    `export OTEL_EXPORTER_OTLP_ENDPOINT=${shellWord(baseUrl)}`,
    `export OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer%20${tokenPlaceholder}"`,
    'export OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf',
  ].join('\n');
  const instrumentation = [
    '// npm run build:instrument (in the Faultline checkout), then copy dist/faultline-instrument.mjs into your app.',
    "import { startFaultlineTelemetry } from './faultline-instrument.mjs';",
    '',
    'startFaultlineTelemetry({',
    "  serviceName: 'billing-worker',",
    `  endpoint: ${jsString(baseUrl)},`,
    '  token: process.env.FAULTLINE_INGEST_TOKEN,',
    "  apiHosts: ['*.voiso.com'],",
    "  environment: 'production',",
    '});',
  ].join('\n');
  return { baseUrl, otlpEndpoint: `${baseUrl}/v1/traces`, envVars, instrumentation };
}
