// Everything /alerts shows, read in parallel: the rules, their instances, and per rule its
// recent state changes and deliveries.
import { listAlertRules } from '@/lib/alerts/alert-rules';
import { type AlertDeliveryView, type AlertEventView, listAlertDeliveries, listAlertEvents, listAlertInstances } from '@/lib/alerts/list-alert-activity';
import type { Database } from '@/lib/db/client';
import { type AlertRuleCard, type FiringAlertRow, prepareAlertRuleCards, prepareFiringAlerts } from './prepare-alerts-page';

export interface AlertRuleWithHistory extends AlertRuleCard {
  events: AlertEventView[];
  deliveries: AlertDeliveryView[];
}

export interface AlertsPageData {
  firing: FiringAlertRow[];
  rules: AlertRuleWithHistory[];
}

/** How much history each rule shows. */
export const historyLimit = 20;

export async function loadAlertsPage(db: Database, nowMs: number): Promise<AlertsPageData> {
  const [rules, instances] = await Promise.all([listAlertRules(db), listAlertInstances(db)]);
  const cards = prepareAlertRuleCards(rules, instances, nowMs);
  const histories = await Promise.all(
    rules.map((rule) => Promise.all([listAlertEvents(db, rule.id, historyLimit), listAlertDeliveries(db, rule.id, historyLimit)])),
  );
  return {
    firing: prepareFiringAlerts(instances, rules, nowMs),
    rules: cards.map((card, i) => ({ ...card, events: histories[i]?.[0] ?? [], deliveries: histories[i]?.[1] ?? [] })),
  };
}
