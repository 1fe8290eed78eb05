// Where a newly created token goes, shown next to it the one time it is shown: the stock
// OpenTelemetry exporter variables for an ingest token, a curl of the read API for an API token.
import type { TokenKind } from '@/lib/auth/hash-token';
import { getEnv } from '@/lib/env';
import { publicBaseUrl, shellWord } from '../overview/prepare-setup-snippets';

export interface TokenUsage {
  /** What the snippet is, e.g. "Use it in your exporter's environment". */
  label: string;
  snippet: string;
}

export function prepareTokenUsage(kind: TokenKind, token: string, baseUrl: string): TokenUsage {
  if (kind === 'ingest') {
    return {
      label: "Give it to your application's OpenTelemetry exporter",
      snippet: [
        `export OTEL_EXPORTER_OTLP_ENDPOINT=${shellWord(baseUrl)}`,
        // %20: the variable is a comma-separated list of URL-encoded key=value pairs.
        `export OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer%20${token}"`,
      ].join('\n'),
    };
  }
  return {
    label: 'Send it as a bearer token to the API',
    snippet: `curl -H "Authorization: Bearer ${token}" ${shellWord(`${baseUrl}/api/v1/summary`)}`,
  };
}

/** prepareTokenUsage for this server's public address (FAULTLINE_PUBLIC_URL, else localhost:PORT). */
export function tokenUsage(kind: TokenKind, token: string): TokenUsage {
  const env = getEnv();
  return prepareTokenUsage(kind, token, publicBaseUrl(env.FAULTLINE_PUBLIC_URL, env.PORT));
}
