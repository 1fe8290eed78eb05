// The overview's firing-alerts panel: the instances firing now, with their rules' wording.
import { listAlertRules } from '@/lib/alerts/alert-rules';
import { listAlertInstances } from '@/lib/alerts/list-alert-activity';
import type { Database } from '@/lib/db/client';
import { type FiringAlertRow, prepareFiringAlerts } from './prepare-alerts-page';

/** At most this many rows; the panel links to /alerts for the rest. */
export const firingPanelLimit = 10;

export async function loadFiringAlerts(db: Database, nowMs: number): Promise<{ rows: FiringAlertRow[]; more: boolean }> {
  const firing = await listAlertInstances(db, { states: ['firing'], limit: firingPanelLimit + 1 });
  // Nothing firing (the usual case) costs one query.
  if (firing.length === 0) return { rows: [], more: false };
  const rows = prepareFiringAlerts(firing.slice(0, firingPanelLimit), await listAlertRules(db), nowMs);
  return { rows, more: firing.length > firingPanelLimit };
}
