import { describe, expect, it } from 'vitest';
import { resolveDashboardView } from '@/lib/dashboard/dashboard-view';
import { requestExplorerHref } from './request-explorer-href';

const now = Date.parse('2026-11-25T12:00:30Z');

describe('requestExplorerHref', () => {
  const view = resolveDashboardView({ range: '6h', service: 'billing', key: 'fp_1' }, now);
  const params = { status: '429', errorKey: 'a b&c', cursor: 'eyJ4IjoxfQ', request: '9' };

  it('keeps the view and every explorer parameter', () => {
    expect(requestExplorerHref(view, params)).toBe(
      '/requests?range=6h&service=billing&key=fp_1&status=429&errorKey=a+b%26c&cursor=eyJ4IjoxfQ&request=9',
    );
  });

  it('removes and sets parameters', () => {
    expect(requestExplorerHref(view, params, { request: undefined, cursor: undefined })).toBe(
      '/requests?range=6h&service=billing&key=fp_1&status=429&errorKey=a+b%26c',
    );
    expect(requestExplorerHref(view, {}, { class: '5xx', failed: 'true' })).toBe('/requests?range=6h&service=billing&key=fp_1&class=5xx&failed=true');
  });

  it('keeps the exact bounds of a custom range', () => {
    const custom = resolveDashboardView({ range: 'custom', from: '2026-11-24T00:00:00Z', to: '2026-11-24T06:00:00Z' }, now);
    expect(requestExplorerHref(custom, { status: '0' })).toBe(
      '/requests?range=custom&from=2026-11-24T00%3A00%3A00.000Z&to=2026-11-24T06%3A00%3A00.000Z&status=0',
    );
  });
});
