// Types for ensure-postgres.mjs, imported by the e2e tests.
export interface RunningPostgres {
  url: string;
  description: string;
  stop(): Promise<void>;
}
export function ensurePostgres(): Promise<RunningPostgres | null>;
export function startThrowawayPostgres(): Promise<RunningPostgres>;
/** Creates `<prefix>_<pid>_<time>` next to `adminUrl`'s database and returns its URL. */
export function createDatabase(adminUrl: string, prefix: string): Promise<string>;
export function dropDatabase(adminUrl: string, databaseUrl: string): Promise<void>;
