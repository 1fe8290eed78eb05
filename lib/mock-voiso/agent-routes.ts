// GET /agents, GET /agents/{id} and PATCH /agents/{id} (presence status).
import { findById } from './find-by-id';
import { listResponse } from './list-response';
import { jsonResponse, notFound } from './mock-response';
import { agentUpdateRequestSchema } from './schemas/voiso-request-schemas';
import { validateJsonBody } from './validate-request';
import type { VoisoRoute } from './voiso-route';

export const agentRoutes: readonly VoisoRoute[] = [
  {
    method: 'GET',
    path: '/agents',
    resource: 'agents',
    action: 'read',
    handle: ({ state, query }) => listResponse(state.agents, query),
  },
  {
    method: 'GET',
    path: '/agents/:id',
    resource: 'agents',
    action: 'read',
    handle: ({ state, params }) => {
      const agent = findById(state.agents, params.id);
      return agent ? jsonResponse(200, { data: agent }) : notFound();
    },
  },
  {
    method: 'PATCH',
    path: '/agents/:id',
    resource: 'agents',
    action: 'write',
    handle: ({ state, params, body, nowMs }) => {
      const agent = findById(state.agents, params.id);
      if (!agent) return notFound();
      const update = validateJsonBody(agentUpdateRequestSchema, body);
      if (!update.ok) return update.response;
      agent.status = update.value.status;
      agent.updated_at = new Date(nowMs).toISOString();
      return jsonResponse(200, { data: agent });
    },
  },
];
