// The cast of `npm run demo`, in the order the demo lists them.
import { billingWorker, legacyDialer, partnerBridge, qaSmoke, reportExporter } from './auth-personas';
import type { Persona } from './persona';
import { campaignBot, campaignScheduler, crmSync, leadImporter, oldIntegration, transcriptViewer } from './request-personas';
import { agentWallboard, cdrArchiver, cdrExport } from './throttled-personas';

export const demoPersonas: readonly Persona[] = [
  crmSync,
  reportExporter,
  legacyDialer,
  partnerBridge,
  billingWorker,
  qaSmoke,
  campaignScheduler,
  oldIntegration,
  transcriptViewer,
  campaignBot,
  leadImporter,
  cdrExport,
  cdrArchiver,
  agentWallboard,
];

export function findPersona(service: string): Persona | undefined {
  return demoPersonas.find((persona) => persona.service === service);
}
