// What the /alerts form sends for its preview chart: the parts of a rule that decide the metric
// and the line it is compared with. Fields come from the rule schema, so both agree.
import { z } from 'zod';
import { alertRuleRequestSchema } from './alert-rule-request-schema';

const rule = alertRuleRequestSchema.shape;

export const alertPreviewRequestSchema = z.object({
  metric: rule.metric,
  codes: rule.codes,
  comparator: rule.comparator,
  /** Left out while the form's threshold is empty or invalid: the chart then draws no line. */
  threshold: rule.threshold.optional(),
  recoveryThreshold: rule.recoveryThreshold,
  windowSeconds: rule.windowSeconds,
  minRequests: rule.minRequests,
  scope: rule.scope,
});

export type AlertPreviewRequest = z.output<typeof alertPreviewRequestSchema>;
