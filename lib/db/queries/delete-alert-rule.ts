// Deletes an alert rule together with everything recorded about it: its instances' states,
// its history of state changes and its delivery log (queued deliveries are dropped too).
import type { Database } from '../client';

/** False when no rule has this id. */
export async function deleteAlertRule(db: Database, id: string): Promise<boolean> {
  const [, , , rules] = await db.prisma.$transaction([
    db.prisma.alertInstance.deleteMany({ where: { ruleId: id } }),
    db.prisma.alertEvent.deleteMany({ where: { ruleId: id } }),
    db.prisma.alertDelivery.deleteMany({ where: { ruleId: id } }),
    db.prisma.alertRule.deleteMany({ where: { id } }),
  ]);
  return rules.count > 0;
}
