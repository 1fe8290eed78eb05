// The campaign state machine: which status a start, pause or stop leads to, or null for a 409.
import type { CampaignStatus } from './voiso-records';

export type CampaignCommand = 'start' | 'pause' | 'stop';

const transitions: Readonly<Record<CampaignCommand, Partial<Record<CampaignStatus, CampaignStatus>>>> = {
  start: { draft: 'running', paused: 'running' },
  pause: { running: 'paused' },
  stop: { running: 'stopped', paused: 'stopped' },
};

export function nextCampaignStatus(current: CampaignStatus, command: CampaignCommand): CampaignStatus | null {
  return transitions[command][current] ?? null;
}
