// The body of POST/PUT /api/v1/alert-rules and of the /alerts form: one validated alert rule.
// The stored definition is this schema's output, so every reader gets the same shape.
import { z } from 'zod';
import { hasNoNul, nulMessage } from '@/lib/api/schemas/reject-nul';

const statusCode = z.number().int().min(100, 'codes must be HTTP status codes (100-599)').max(599, 'codes must be HTTP status codes (100-599)');
const statusClass = z.enum(['1xx', '2xx', '3xx', '4xx', '5xx', 'network'], { error: 'a code class must be 1xx…5xx or network' });

// Webhook URLs: http(s) only; anything else (file:, javascript:, …) is refused at the door.
const webhookUrl = z.url({ protocol: /^https?$/, error: 'url must be an http or https URL' }).max(2048);

export const alertChannelSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('webhook'), url: webhookUrl }),
  /** Posts `{ "text": … }`, which Slack incoming webhooks (and compatible chat tools) accept. */
  z.object({ type: z.literal('slack'), url: webhookUrl }),
]);

export const alertScopeSchema = z
  .object({
    service: z.string().min(1).max(512).refine(hasNoNul, nulMessage).optional(),
    environment: z.string().max(512).refine(hasNoNul, nulMessage).optional(),
    endpoint: z.string().min(1).max(512).refine(hasNoNul, nulMessage).optional(),
    key: z.string().min(1).max(512).refine(hasNoNul, nulMessage).optional(),
    /** One instance per API key or per endpoint, instead of one for the whole scope. */
    each: z.enum(['key', 'endpoint']).optional(),
  })
  .default({});

export const alertRuleRequestSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, 'name is required')
      .max(200)
      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), 'name must not contain control characters such as line breaks'),
    metric: z.enum(['rate', 'count', 'p95_latency'], { error: 'metric must be rate, count or p95_latency' }),
    /** Status codes (429) or classes ("4xx") the rate or count is about; unused by p95_latency. */
    codes: z.array(z.union([statusCode, statusClass])).max(20).default([]),
    comparator: z.enum(['>', '>=', '<', '<='], { error: 'comparator must be >, >=, < or <=' }),
    /** A fraction for rates (0.2 = 20 %), a number of calls for counts, milliseconds for p95_latency. */
    threshold: z.number().finite(),
    /** When set, a firing alert resolves only once the value is back past this (hysteresis). */
    recoveryThreshold: z.number().finite().optional(),
    windowSeconds: z.number().int().min(60, 'windowSeconds must be at least 60').max(86_400),
    minRequests: z.number().int().min(0).max(1_000_000).default(1),
    forSeconds: z.number().int().min(0).max(86_400).default(0),
    /** What too few requests means: like ok (default), or keep the previous state. */
    noDataState: z.enum(['ok', 'keep']).default('ok'),
    scope: alertScopeSchema,
    channels: z.array(alertChannelSchema).max(10).default([]),
    renotifySeconds: z.number().int().min(60).max(7 * 86_400).optional(),
    mutedUntil: z.iso.datetime({ offset: true }).nullable().optional(),
    enabled: z.boolean().default(true),
    severity: z.enum(['info', 'warning', 'critical']).default('warning'),
  })
  .superRefine((rule, ctx) => {
    if (rule.metric !== 'p95_latency' && rule.codes.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['codes'], message: 'codes must list at least one status code or class for rate and count' });
    }
    if (rule.metric === 'rate' && (rule.threshold < 0 || rule.threshold > 1)) {
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'a rate threshold is a fraction between 0 and 1 (0.2 = 20 %)' });
    }
    if (rule.recoveryThreshold !== undefined) {
      const above = rule.comparator === '>' || rule.comparator === '>=';
      if (above ? rule.recoveryThreshold > rule.threshold : rule.recoveryThreshold < rule.threshold) {
        ctx.addIssue({
          code: 'custom',
          path: ['recoveryThreshold'],
          message: `recoveryThreshold must be on the healthy side of threshold (${above ? '≤' : '≥'} ${rule.threshold})`,
        });
      }
    }
    if (rule.scope.each === 'key' && rule.scope.key) {
      ctx.addIssue({ code: 'custom', path: ['scope', 'each'], message: 'each "key" cannot be combined with a key filter' });
    }
    if (rule.scope.each === 'endpoint' && rule.scope.endpoint) {
      ctx.addIssue({ code: 'custom', path: ['scope', 'each'], message: 'each "endpoint" cannot be combined with an endpoint filter' });
    }
  });

export type AlertRuleInput = z.input<typeof alertRuleRequestSchema>;
export type AlertRuleDefinition = z.output<typeof alertRuleRequestSchema>;
export type AlertChannel = z.output<typeof alertChannelSchema>;

/** A stored rule: its id and timestamps plus the definition. */
export interface AlertRule extends AlertRuleDefinition {
  id: string;
  createdAt: string;
  updatedAt: string;
}
