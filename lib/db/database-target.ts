// Decides which database a DATABASE_URL points at. Unset means the embedded SQLite
// file under ./data, so a fresh checkout runs with zero configuration.
import path from 'node:path';

export type DatabaseTarget =
  | { provider: 'sqlite'; filePath: string; url: string }
  | { provider: 'postgresql'; url: string };

export const defaultSqliteFile = path.join('data', 'faultline.db');

export function resolveDatabaseTarget(databaseUrl: string | undefined, cwd = process.cwd()): DatabaseTarget {
  if (!databaseUrl) {
    const filePath = path.resolve(cwd, defaultSqliteFile);
    return { provider: 'sqlite', filePath, url: `file:${filePath}` };
  }
  if (databaseUrl.startsWith('file:')) {
    const raw = databaseUrl.slice('file:'.length).replace(/^\/\/(?=\/)/, '').split('?')[0] ?? '';
    if (!raw) throw new Error('DATABASE_URL=file: needs a path, e.g. file:./data/faultline.db');
    const filePath = path.resolve(cwd, raw);
    return { provider: 'sqlite', filePath, url: `file:${filePath}` };
  }
  return { provider: 'postgresql', url: databaseUrl };
}

/** The target with any password removed, for log lines. */
export function describeDatabaseTarget(target: DatabaseTarget): string {
  if (target.provider === 'sqlite') return `SQLite ${target.filePath}`;
  try {
    const u = new URL(target.url);
    return `PostgreSQL ${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}
