// The options of startFaultlineTelemetry, validated so that a typo fails at start with its name.
import { z } from 'zod';
import { parseHostPattern } from './match-api-host';
import { maxErrorBodyBytes } from './error-body-text';

export const telemetryOptionsSchema = z.object({
  /** `service.name` of the spans: one per application, e.g. `billing-worker`. */
  serviceName: z.string().trim().min(1, 'serviceName is required, e.g. "billing-worker"'),
  /** Faultline's base URL (`http://localhost:3000`) or its full OTLP URL (`…/v1/traces`). */
  endpoint: z.url({ protocol: /^https?$/, error: 'endpoint must be an http(s) URL, e.g. http://localhost:3000' }),
  /** A Faultline ingest token. */
  token: z.string().min(1, 'token is required: a Faultline ingest token'),
  /** Hosts whose calls are traced: `api.example.com`, `*.voiso.com`, `127.0.0.1:4010` or `*`. */
  apiHosts: z
    .array(z.string())
    .min(1, 'apiHosts needs at least one host pattern, e.g. ["*.voiso.com"]')
    .superRefine((patterns, ctx) => {
      for (const pattern of patterns) {
        try {
          parseHostPattern(pattern);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
        }
      }
    }),
  /** `deployment.environment.name`, e.g. `production`. */
  environment: z.string().trim().min(1).optional(),
  /** Makes fingerprints an HMAC: set the same secret in every service that shares keys. */
  fingerprintSecret: z.string().min(16, 'fingerprintSecret must be at least 16 characters').optional(),
  captureErrorBodies: z.boolean().default(true),
  maxErrorBodyBytes: z.number().int().min(1).max(maxErrorBodyBytes).default(maxErrorBodyBytes),
  /** Delay before a batch is sent: lower is fresher, higher sends fewer requests. */
  exportDelayMs: z.number().int().min(10).max(60_000).default(1000),
  /** A repeat of a failed call within this window (after its Retry-After, if any) counts as a resend. */
  resendWindowMs: z.number().int().min(0).max(3_600_000).default(2000),
});

export type TelemetryOptions = z.input<typeof telemetryOptionsSchema>;
export type ResolvedTelemetryOptions = z.output<typeof telemetryOptionsSchema>;

/** The OTLP traces URL for an endpoint given as a base URL or as the full URL. */
export function tracesUrlOf(endpoint: string): URL {
  const url = new URL(endpoint);
  if (!url.pathname.endsWith('/v1/traces')) url.pathname = `${url.pathname.replace(/\/+$/, '')}/v1/traces`;
  return url;
}

/** Validated options; the error names each bad option but never echoes a value (the token is one). */
export function parseTelemetryOptions(options: TelemetryOptions): ResolvedTelemetryOptions {
  const parsed = telemetryOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || 'options'}: ${issue.message}`);
  throw new Error(`startFaultlineTelemetry: invalid options\n${lines.join('\n')}`);
}
