// The columns every alert read joins in to name an instance: the rule's name and definition
// (whose scope says whether the instance key is a fingerprint or an endpoint id), the key's
// label and the endpoint's method, host and route.
import { Prisma } from '../generated/sqlite/client';

export interface AlertInstanceNames {
  ruleName: string;
  /** The rule's definition as stored (JSON text). */
  ruleDefinition: string;
  keyLabel: string | null;
  endpoint: { method: string; host: string; route: string } | null;
}

/** SELECT columns; use with alertInstanceNameJoins(alias). */
export const alertInstanceNameColumns = Prisma.raw(
  'r.name AS rule_name, r.definition AS rule_definition, k.label AS key_label, e.method AS endpoint_method, e.host AS endpoint_host, e.route AS endpoint_route',
);

/** Joins for a table aliased `alias` with rule_id and instance_key columns (never user input). */
export function alertInstanceNameJoins(alias: string): Prisma.Sql {
  return Prisma.raw(
    `JOIN alert_rules r ON r.id = ${alias}.rule_id
     LEFT JOIN api_keys k ON k.fingerprint = ${alias}.instance_key
     LEFT JOIN endpoints e ON e.id = ${alias}.instance_key`,
  );
}

export function toAlertInstanceNames(row: Record<string, unknown>): AlertInstanceNames {
  return {
    ruleName: String(row.rule_name),
    ruleDefinition: String(row.rule_definition),
    keyLabel: row.key_label == null ? null : String(row.key_label),
    endpoint:
      row.endpoint_method == null
        ? null
        : { method: String(row.endpoint_method), host: String(row.endpoint_host), route: String(row.endpoint_route) },
  };
}
