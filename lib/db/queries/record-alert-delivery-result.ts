// Writes how an attempt to deliver a notification ended: delivered, to be retried at a later
// time, or given up.
import type { Database } from '../client';

export interface AlertDeliveryResult {
  status: 'pending' | 'delivered' | 'failed';
  httpStatus: number | null;
  /** Our own description of the failure (never the URL). */
  error: string | null;
  /** When to try again (pending only). */
  nextAttemptMs: number | null;
  nowMs: number;
}

export async function recordAlertDeliveryResult(db: Database, id: number, result: AlertDeliveryResult): Promise<void> {
  // updateMany: a rule deleted while its notification was in flight took the row with it.
  await db.prisma.alertDelivery.updateMany({
    where: { id },
    data: {
      status: result.status,
      lastHttpStatus: result.httpStatus,
      lastError: result.error,
      nextAttemptMs: result.nextAttemptMs === null ? null : BigInt(result.nextAttemptMs),
      updatedMs: BigInt(result.nowMs),
    },
  });
}
