// Test support: a busy healthy client (reads, writes, deletes; 200, 201, 204 only) on two hosts,
// which no rule may say anything about.
import type { ClassifiedRequest } from '@/lib/classify/classified-request';
import { apiCall, every } from './api-call.fixture';

export function healthyTraffic(startMs: number, options: { service?: string; key?: string; rounds?: number } = {}): ClassifiedRequest[] {
  const service = options.service ?? 'crm-sync';
  const key = options.key ?? 'fp_healthy';
  return every(options.rounds ?? 60, startMs, 2000, (at) => [
    apiCall({ service, key, at, status: 200, route: '/api/v4/users' }),
    apiCall({ service, key, at: at + 50, status: 200, route: '/api/v4/users/{id}' }),
    apiCall({ service, key, at: at + 100, status: 200, method: 'PATCH', route: '/api/v4/agents/{id}' }),
    apiCall({ service, key, at: at + 150, status: 201, method: 'POST', route: '/api/v4/contacts' }),
    apiCall({ service, key, at: at + 200, status: 204, method: 'DELETE', route: '/api/v4/contacts/{id}' }),
    apiCall({ service, key, at: at + 250, status: 200, host: 'globex.voiso.com', route: '/api/v4/cdr' }),
  ]);
}
