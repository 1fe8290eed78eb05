// The one validated view of Faultline's configuration. Nothing else reads process.env,
// so a bad setting fails at boot with the variable's name instead of deep in a request.
import os from 'node:os';
import { z } from 'zod';

const intFromString = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `${name} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must be between ${min} and ${max}`);

const tokenSchema = (name: string) =>
  z
    .string()
    .min(16, `${name} must be at least 16 characters (use a long random value, e.g. \`openssl rand -hex 24\`)`)
    .regex(/^[\x21-\x7e]+$/, `${name} must be printable ASCII without spaces`);

export const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .refine(
      (v) => v.startsWith('file:') || v.startsWith('postgres://') || v.startsWith('postgresql://'),
      'DATABASE_URL must start with file: (SQLite), postgres:// or postgresql://',
    )
    .optional(),
  PORT: intFromString('PORT', 1, 65535).default(3000),
  HOSTNAME: z.string().min(1).optional(),
  FAULTLINE_PUBLIC_URL: z.url('FAULTLINE_PUBLIC_URL must be an absolute URL, e.g. https://faultline.example.com').optional(),
  FAULTLINE_INGEST_TOKEN: tokenSchema('FAULTLINE_INGEST_TOKEN').optional(),
  FAULTLINE_API_TOKEN: tokenSchema('FAULTLINE_API_TOKEN').optional(),
  /** The first admin, created on first start when no user exists (a password is generated when unset). */
  FAULTLINE_ADMIN_EMAIL: z.email('FAULTLINE_ADMIN_EMAIL must be an email address, e.g. admin@example.com').optional(),
  FAULTLINE_ADMIN_PASSWORD: z
    .string()
    .min(12, 'FAULTLINE_ADMIN_PASSWORD must be at least 12 characters')
    .max(256, 'FAULTLINE_ADMIN_PASSWORD must be at most 256 characters')
    .optional(),
  /** Failed sign-ins per account (and 4x that per IP address) within the lockout window before refusing. */
  FAULTLINE_LOGIN_MAX_FAILURES: intFromString('FAULTLINE_LOGIN_MAX_FAILURES', 1, 1000).default(5),
  FAULTLINE_LOGIN_LOCKOUT_SECONDS: intFromString('FAULTLINE_LOGIN_LOCKOUT_SECONDS', 1, 86_400).default(900),
  /**
   * Span attributes to keep beyond the ones Faultline understands: exact names, or a prefix
   * ending in ".*" ("app.*"). Values that look like secrets are redacted even then.
   */
  FAULTLINE_EXTRA_ATTRIBUTES: z
    .string()
    .transform((v) => v.split(',').map((name) => name.trim()).filter((name) => name !== ''))
    .pipe(z.array(z.string().regex(/^[A-Za-z0-9_.-]+(\.\*)?$/, 'FAULTLINE_EXTRA_ATTRIBUTES must be attribute names separated by commas, e.g. app.tenant,app.*')))
    .default([]),
  FAULTLINE_MAX_BODY_BYTES: intFromString('FAULTLINE_MAX_BODY_BYTES', 1024, 512 * 1024 * 1024).default(16 * 1024 * 1024),
  FAULTLINE_MAX_INFLIGHT_INGEST: intFromString('FAULTLINE_MAX_INFLIGHT_INGEST', 1, 1024).default(32),
  /**
   * Worker threads that decompress, decode and classify export bodies while the main thread
   * writes; 0 decodes on the request thread. Default: one per spare core, 1 to 4.
   */
  FAULTLINE_INGEST_DECODE_THREADS: intFromString('FAULTLINE_INGEST_DECODE_THREADS', 0, 64).default(
    Math.max(1, Math.min(4, os.availableParallelism() - 1)),
  ),
  /** How often the alert runner evaluates every enabled rule. */
  FAULTLINE_ALERT_INTERVAL_SECONDS: intFromString('FAULTLINE_ALERT_INTERVAL_SECONDS', 5, 3600).default(30),
  /** Days raw calls (and the minute rollups) are kept; older ones are deleted in the background. */
  FAULTLINE_RETENTION_DAYS: intFromString('FAULTLINE_RETENTION_DAYS', 1, 3650).default(7),
  /** Days the 10- and 60-minute rollups (charts and totals of older ranges) are kept. */
  FAULTLINE_ROLLUP_RETENTION_DAYS: intFromString('FAULTLINE_ROLLUP_RETENTION_DAYS', 1, 3650).default(90),
  /** How often the retention job looks for data to delete. */
  FAULTLINE_PRUNE_INTERVAL_SECONDS: intFromString('FAULTLINE_PRUNE_INTERVAL_SECONDS', 10, 86_400).default(300),
  FAULTLINE_SELF_TRACE: z
    .enum(['true', 'false', '1', '0'], 'FAULTLINE_SELF_TRACE must be true or false')
    .transform((v) => v === 'true' || v === '1')
    .default(false),
  FAULTLINE_SELF_TRACE_ENDPOINT: z
    .url('FAULTLINE_SELF_TRACE_ENDPOINT must be an absolute URL, e.g. https://faultline.example.com')
    .optional(),
  FAULTLINE_SELF_TRACE_TOKEN: tokenSchema('FAULTLINE_SELF_TRACE_TOKEN').optional(),
  FAULTLINE_SELF_TRACE_HOSTS: z
    .string()
    .transform((v) => v.split(',').map((h) => h.trim()).filter((h) => h !== ''))
    .default(['*']),
});

// Rollups answer every range older than the raw calls, so they cannot expire first.
const validatedEnvSchema = envSchema.refine((env) => env.FAULTLINE_ROLLUP_RETENTION_DAYS >= env.FAULTLINE_RETENTION_DAYS, {
  path: ['FAULTLINE_ROLLUP_RETENTION_DAYS'],
  message: 'FAULTLINE_ROLLUP_RETENTION_DAYS must be at least FAULTLINE_RETENTION_DAYS (rollups answer the ranges whose raw calls are gone)',
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export class ConfigError extends Error {}

/** Parses the environment once; throws ConfigError naming every bad variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const source = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = validatedEnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvForTests(): void {
  cached = undefined;
}
