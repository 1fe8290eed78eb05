// The health check's question to the database: can it answer a trivial query in time?
import type { Database } from './client';

export async function pingDatabase(db: Database, timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const ok = db.prisma.$queryRaw`SELECT 1`.then(() => true as const);
    return await Promise.race([ok, timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
