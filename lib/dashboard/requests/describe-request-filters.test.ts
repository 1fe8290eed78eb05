import { describe, expect, it } from 'vitest';
import { resolveDashboardView } from '@/lib/dashboard/dashboard-view';
import { emptyRequestsMessage, pinnedViewLabels, requestFilterChips } from './describe-request-filters';
import { parseRequestExplorerQuery } from './parse-request-explorer-query';
import { encodeRequestCursor } from './request-cursor';
import { storedRequest } from './stored-request.fixture';

const now = Date.parse('2026-11-25T12:00:30Z');

describe('requestFilterChips', () => {
  it('names each active explorer filter in words, with the parameter removing it', () => {
    const q = parseRequestExplorerQuery({ status: '401,403', class: 'network', errorKey: 'Unauthorized', failed: 'true' });
    expect(requestFilterChips(q)).toEqual([
      { name: 'status', text: 'Status: 401 Unauthorized, 403 Forbidden' },
      { name: 'class', text: 'Class: network (No response)' },
      { name: 'errorKey', text: 'Error key: Unauthorized' },
      { name: 'failed', text: 'Failed calls only' },
    ]);
    expect(requestFilterChips(parseRequestExplorerQuery({}))).toEqual([]);
  });
});

describe('emptyRequestsMessage', () => {
  it('names the filters and the range, and suggests widening or removing', () => {
    const view = resolveDashboardView({ range: '1h', service: 'billing', environment: '' }, now);
    const q = parseRequestExplorerQuery({ status: '429', errorKey: 'Too many requests' });
    expect(emptyRequestsMessage(view, q)).toBe(
      'No calls match status 429 Too Many Requests, error key "Too many requests", service billing, no environment in the last hour; widen the range or remove a filter.',
    );
  });

  it('points at instrumentation when nothing at all was stored, and says "older" past the first page', () => {
    const view = resolveDashboardView({ range: '24h' }, now);
    expect(emptyRequestsMessage(view, parseRequestExplorerQuery({}))).toBe(
      'No calls were stored in the last 24 hours; widen the range, or check that your application sends spans.',
    );
    const older = parseRequestExplorerQuery({ failed: 'true', cursor: encodeRequestCursor({ startMs: 1, id: 1 }) });
    expect(emptyRequestsMessage(view, older)).toBe('No older calls match failed calls only in the last 24 hours; widen the range or remove a filter.');
  });

  it('spells out a custom range in UTC', () => {
    const view = resolveDashboardView({ range: 'custom', from: '2026-11-24T00:00:00Z', to: '2026-11-24T06:00:00Z', endpoint: 'ep1' }, now);
    expect(emptyRequestsMessage(view, parseRequestExplorerQuery({ class: '5xx' }))).toBe(
      'No calls match class 5xx, the chosen endpoint between 2026-11-24 00:00:00.000 and 2026-11-24 06:00:00.000 UTC; widen the range or remove a filter.',
    );
  });
});

describe('pinnedViewLabels', () => {
  it('labels the pinned endpoint and key from calls that match them', () => {
    const calls = [
      storedRequest({ endpointId: 'other', apiKeyFingerprint: 'fp_x', apiKeyLabel: 'not this one' }),
      null,
      storedRequest({ endpointId: 'ep1', apiKeyFingerprint: 'fp_1', apiKeyLabel: 'billing worker' }),
    ];
    expect(pinnedViewLabels({ endpoint: 'ep1', key: 'fp_1' }, calls)).toEqual({
      endpoint: 'GET cc1.voiso.com/api/v4/users',
      key: 'billing worker',
    });
    expect(pinnedViewLabels({}, calls)).toEqual({});
    expect(pinnedViewLabels({ key: 'fp_1' }, [storedRequest({ apiKeyFingerprint: 'fp_1', apiKeyLabel: null })])).toEqual({});
  });
});
