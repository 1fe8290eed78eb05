// Types for ensure-postgres.mjs, imported by the e2e tests.
export interface RunningPostgres {
  url: string;
  description: string;
  stop(): Promise<void>;
}
export function ensurePostgres(): Promise<RunningPostgres | null>;
/** A private cluster that can also be stopped and started again on the same port and data. */
export interface ThrowawayPostgres extends RunningPostgres {
  /** Stops the server at once (pg_ctl stop -m immediate), as a crash would; the data stays. */
  pause(): Promise<void>;
  /** Starts the paused server again; resolves once it answers. */
  resume(): Promise<void>;
}
/** The newest installed PostgreSQL server's bin directory (/usr/lib/postgresql/<v>/bin), or null. */
export function postgresServerBinDir(): string | null;
export function startThrowawayPostgres(): Promise<ThrowawayPostgres>;
/** Creates `<prefix>_<pid>_<time>` next to `adminUrl`'s database and returns its URL. */
export function createDatabase(adminUrl: string, prefix: string): Promise<string>;
export function dropDatabase(adminUrl: string, databaseUrl: string): Promise<void>;
