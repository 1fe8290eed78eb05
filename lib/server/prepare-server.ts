// What the server does once before it takes requests: validate configuration, bring the
// database schema up to date, make sure tokens exist, tell the operator where to send spans,
// and start the alert runner, the retention job, the rollup fold job and (SQLite) the checkpointer
// thread. Runs from instrumentation.ts in the Node.js runtime.
import { type AlertRunner, startAlertRunner } from '@/lib/alerts/start-alert-runner';
import { type BootstrapAdmin, ensureAdminUser } from '@/lib/auth/ensure-admin-user';
import { ensureBootstrapTokens, type BootstrapToken } from '@/lib/auth/ensure-bootstrap-tokens';
import { applyMigrations } from '@/lib/db/apply-migrations';
import { type Database, getDatabase } from '@/lib/db/client';
import { describeDatabaseTarget } from '@/lib/db/database-target';
import { checkpointWorkerBundlePath } from '@/lib/db/sqlite-checkpoint/checkpoint-worker-path';
import { type SqliteCheckpointer, startDatabaseCheckpointer } from '@/lib/db/sqlite-checkpoint/start-sqlite-checkpointer';
import { type Env, getEnv } from '@/lib/env';
import { type RetentionRunner, startRetentionRunner } from '@/lib/retention/start-retention-runner';
import { type RollupFoldRunner, startRollupFoldRunner } from '@/lib/rollup/start-rollup-fold-runner';
import { startSelfTelemetry } from '@/lib/server/self-telemetry';

export async function prepareServer(log: (line: string) => void = console.log): Promise<void> {
  const env = getEnv();
  const db = getDatabase();
  const applied = await applyMigrations(db.target);
  log(`[faultline] database: ${describeDatabaseTarget(db.target)}${applied.length ? ` (applied ${applied.join(', ')})` : ''}`);
  const tokens = await ensureBootstrapTokens(db);
  const admin = await ensureAdminUser(db);
  const base = env.FAULTLINE_PUBLIC_URL?.replace(/\/$/, '') ?? `http://${displayHost(env.HOSTNAME)}:${env.PORT}`;
  for (const line of banner(base, tokens, admin)) log(line);
  const selfTracing = await startSelfTelemetry(env, base, tokens);
  if (selfTracing) log(selfTracing);
  if (globalForJobs.faultlineAlertRunner) return;
  // On SQLite, the WAL's checkpoints move off the ingest writer's thread (lib/db/sqlite-checkpoint).
  const checkpointer = await startDatabaseCheckpointer(db, checkpointWorkerBundlePath(), { log });
  startBackgroundJobs(db, env, base, checkpointer, log);
}

// On globalThis: Next's dev server may run the start-up hook again, and one runner of each per process is enough.
const globalForJobs = globalThis as unknown as {
  faultlineAlertRunner?: AlertRunner;
  faultlineRetentionRunner?: RetentionRunner;
  faultlineRollupFoldRunner?: RollupFoldRunner;
};

/** Starts the alert runner, the retention job and the fold job (their first ticks come after start-up) and stops them, and the checkpointer, on shutdown. */
function startBackgroundJobs(db: Database, env: Env, base: string, checkpointer: SqliteCheckpointer | null, log: (line: string) => void): void {
  const alertSeconds = env.FAULTLINE_ALERT_INTERVAL_SECONDS;
  const alerts = startAlertRunner(db, { intervalMs: alertSeconds * 1000, baseUrl: base, log });
  const settings = { rawDays: env.FAULTLINE_RETENTION_DAYS, rollupDays: env.FAULTLINE_ROLLUP_RETENTION_DAYS };
  const retention = startRetentionRunner(db, { intervalMs: env.FAULTLINE_PRUNE_INTERVAL_SECONDS * 1000, settings, log });
  const fold = startRollupFoldRunner(db, { log });
  globalForJobs.faultlineAlertRunner = alerts;
  globalForJobs.faultlineRetentionRunner = retention;
  globalForJobs.faultlineRollupFoldRunner = fold;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      // Gives the leases up so another replica takes over at once. When nothing else (Next) handles the
      // signal, it is raised again once all stopped, so the process still ends as it would have.
      void Promise.all([alerts.stop(), retention.stop(), fold.stop(), checkpointer?.stop()]).finally(() => {
        if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
      });
    });
  }
  log(`[faultline] alerts:        rules evaluated every ${alertSeconds} s`);
  log(`[faultline] retention:     calls kept ${settings.rawDays} days, rollups ${settings.rollupDays} days`);
}

function displayHost(hostname: string | undefined): string {
  return !hostname || hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname;
}

export function banner(base: string, tokens: BootstrapToken[], admin: BootstrapAdmin = { source: 'existing' }): string[] {
  const lines = [`[faultline] dashboard:     ${base}/`];
  if (admin.source === 'generated') {
    lines.push(`[faultline] sign in as:    ${admin.email}  password: ${admin.password}  (shown once; change it at /settings/users)`);
  } else if (admin.source === 'environment') {
    lines.push(`[faultline] sign in as:    ${admin.email}  (password from FAULTLINE_ADMIN_PASSWORD)`);
  }
  lines.push(
    `[faultline] OTLP endpoint: ${base}/v1/traces  (OTEL_EXPORTER_OTLP_ENDPOINT=${base})`,
  );
  for (const t of tokens) {
    const variable = t.kind === 'ingest' ? 'FAULTLINE_INGEST_TOKEN' : 'FAULTLINE_API_TOKEN';
    const label = t.kind === 'ingest' ? 'ingest token: ' : 'API token:    ';
    if (t.source === 'generated') {
      lines.push(`[faultline] ${label} ${t.token}  (shown once; it is stored hashed)`);
    } else if (t.source === 'environment') {
      lines.push(`[faultline] ${label} from ${variable}`);
    } else {
      lines.push(`[faultline] ${label} generated on first start and printed then; set ${variable} to use your own`);
    }
  }
  const ingest = tokens.find((t) => t.kind === 'ingest');
  if (ingest?.source === 'generated') {
    lines.push(`[faultline] send spans:    OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer%20${ingest.token}"`);
  }
  return lines;
}

/** A server that cannot reach or migrate its database must not serve: say why and stop. */
export async function prepareServerOrExit(): Promise<void> {
  try {
    await prepareServer();
  } catch (err) {
    console.error(`[faultline] cannot start: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
