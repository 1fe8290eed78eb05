// What the demo passes to a persona process (as JSON in FAULTLINE_DEMO_PERSONA) and what the
// process reports back after every round.
import { z } from 'zod';

export const personaConfigSchema = z.object({
  service: z.string().min(1),
  /** Faultline's base URL. */
  endpoint: z.url(),
  /** Faultline ingest token. */
  token: z.string().min(1),
  clusterUrls: z.object({ acme: z.url(), globex: z.url(), 'acme-staging': z.url() }),
  exportDelayMs: z.number().int().min(10).default(1000),
});
export type PersonaConfig = z.input<typeof personaConfigSchema>;

export const personaConfigVariable = 'FAULTLINE_DEMO_PERSONA';

/** Sent to the parent after every round: status code (or `network`) → calls. */
export interface RoundReport {
  service: string;
  statuses: Record<string, number>;
}
