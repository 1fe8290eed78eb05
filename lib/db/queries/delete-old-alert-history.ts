// Deletes alert history past the rollup retention, at most `limit` rows per call: state changes,
// and notifications that are done (delivered or failed). Pending notifications are never touched.
import type { Database } from '../client';

/** Rows deleted from alert_events. */
export async function deleteOldAlertEvents(db: Database, beforeMs: number, limit: number): Promise<number> {
  return db.prisma.$executeRaw`
    DELETE FROM alert_events WHERE id IN (SELECT id FROM alert_events WHERE at_ms < ${beforeMs} LIMIT ${limit})`;
}

/** Rows deleted from alert_deliveries. */
export async function deleteOldAlertDeliveries(db: Database, beforeMs: number, limit: number): Promise<number> {
  return db.prisma.$executeRaw`
    DELETE FROM alert_deliveries WHERE id IN (
      SELECT id FROM alert_deliveries WHERE status IN ('delivered', 'failed') AND updated_ms < ${beforeMs} LIMIT ${limit})`;
}
