// Query string of GET /api/v1/alerts: optionally one rule's instances, or only some states
// ("firing", or a comma-separated list such as "firing,pending").
import { z } from 'zod';
import { hasNoNul, nulMessage } from './reject-nul';

const alertStates = ['ok', 'pending', 'firing', 'resolved', 'no_data'] as const;
type AlertStateParam = (typeof alertStates)[number];

export const alertsRequestSchema = z.object({
  rule: z.string().min(1).max(200).refine(hasNoNul, `rule ${nulMessage}`).optional(),
  state: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()).filter((s) => s !== ''))
    .refine((states) => states.length > 0, `state must name at least one of ${alertStates.join(', ')}`)
    .refine((states) => states.every((s) => (alertStates as readonly string[]).includes(s)), `state must be one or more of ${alertStates.join(', ')}`)
    .transform((states) => states as AlertStateParam[])
    .optional(),
});

export type AlertsRequest = z.infer<typeof alertsRequestSchema>;
