// Campaigns: list, create, read, and the start / pause / stop state transitions.
import { findById } from './find-by-id';
import { listResponse } from './list-response';
import { conflict, jsonResponse, notFound } from './mock-response';
import { type CampaignCommand, nextCampaignStatus } from './next-campaign-status';
import { campaignCreateRequestSchema } from './schemas/voiso-request-schemas';
import { validateJsonBody } from './validate-request';
import type { VoisoCampaign } from './voiso-records';
import type { VoisoRoute } from './voiso-route';

// Commands take no body: whatever the client sends with them is ignored, as for GETs.
function commandRoute(command: CampaignCommand): VoisoRoute {
  return {
    method: 'POST',
    path: `/campaigns/:id/${command}`,
    resource: 'campaigns',
    action: 'write',
    handle: ({ state, params, nowMs }) => {
      const campaign = findById(state.campaigns, params.id);
      if (!campaign) return notFound();
      const next = nextCampaignStatus(campaign.status, command);
      if (next === null) return conflict();
      campaign.status = next;
      campaign.updated_at = new Date(nowMs).toISOString();
      return jsonResponse(200, { data: campaign });
    },
  };
}

export const campaignRoutes: readonly VoisoRoute[] = [
  {
    method: 'GET',
    path: '/campaigns',
    resource: 'campaigns',
    action: 'read',
    handle: ({ state, query }) => listResponse(state.campaigns, query),
  },
  {
    method: 'POST',
    path: '/campaigns',
    resource: 'campaigns',
    action: 'write',
    handle: ({ state, body, nowMs }) => {
      const input = validateJsonBody(campaignCreateRequestSchema, body);
      if (!input.ok) return input.response;
      const now = new Date(nowMs).toISOString();
      const campaign: VoisoCampaign = {
        id: ++state.lastIds.campaigns,
        ...input.value,
        status: 'draft',
        created_at: now,
        updated_at: now,
      };
      state.campaigns.push(campaign);
      return jsonResponse(201, { data: campaign });
    },
  },
  {
    method: 'GET',
    path: '/campaigns/:id',
    resource: 'campaigns',
    action: 'read',
    handle: ({ state, params }) => {
      const campaign = findById(state.campaigns, params.id);
      return campaign ? jsonResponse(200, { data: campaign }) : notFound();
    },
  },
  commandRoute('start'),
  commandRoute('pause'),
  commandRoute('stop'),
];
