import { describe, expect, it } from 'vitest';
import { resolveDashboardView, stepForRange, viewQuery, viewRollupFilter } from './dashboard-view';

const now = Date.parse('2026-11-25T12:00:30Z');

describe('resolveDashboardView', () => {
  it('defaults to the last hour with minute buckets and auto-refresh', () => {
    const view = resolveDashboardView({}, now);
    expect(view.range).toBe('1h');
    expect(view.toMs - view.fromMs).toBe(3_600_000);
    expect(view.stepSeconds).toBe(60);
    expect(view.previous).toEqual({ fromMs: view.fromMs - 3_600_000, toMs: view.fromMs });
    expect(view.autoRefresh).toBe(true);
    expect(view.problems).toEqual([]);
  });

  it.each([
    ['15m', 60, true],
    ['6h', 300, true],
    ['24h', 600, false],
    ['7d', 3600, false],
  ])('range %s steps by %ss, auto-refresh %s', (range, step, refresh) => {
    const view = resolveDashboardView({ range }, now);
    expect(view.stepSeconds).toBe(step);
    expect(view.autoRefresh).toBe(refresh);
    expect((view.toMs - view.fromMs) / (step * 1000)).toBeLessThanOrEqual(200);
  });

  it('reads a custom range, with or without a zone, and never auto-refreshes it by default', () => {
    const view = resolveDashboardView({ range: 'custom', from: '2026-11-24T00:00', to: '2026-11-24T06:00:00Z' }, now);
    expect(view.fromMs).toBe(Date.parse('2026-11-24T00:00:00Z'));
    expect(view.toMs).toBe(Date.parse('2026-11-24T06:00:00Z'));
    expect(view.autoRefresh).toBe(false);
    expect(resolveDashboardView({ range: 'custom', from: '2026-11-24T00:00Z', refresh: 'on' }, now).autoRefresh).toBe(true);
  });

  it('falls back to the last hour and says why on a bad range', () => {
    expect(resolveDashboardView({ range: '3y' }, now).problems[0]).toMatch(/Unknown range "3y"/);
    const backwards = resolveDashboardView({ range: 'custom', from: '2026-11-25T00:00Z', to: '2026-11-24T00:00Z' }, now);
    expect(backwards.range).toBe('1h');
    expect(backwards.problems[0]).toMatch(/start before its end/);
    expect(resolveDashboardView({ range: 'custom', from: 'yesterday' }, now).range).toBe('1h');
  });

  it('keeps filters, takes the first of repeated parameters and drops empty ones', () => {
    const view = resolveDashboardView({ service: ['billing', 'other'], key: '', endpoint: 'abc', environment: '' }, now);
    expect(view.filters).toEqual({ service: 'billing', endpoint: 'abc', environment: '' });
  });
});

describe('stepForRange', () => {
  it('picks the smallest readable step within 200 points', () => {
    expect(stepForRange(200 * 60_000)).toBe(60);
    expect(stepForRange(201 * 60_000)).toBe(300);
    expect(stepForRange(400 * 86_400_000)).toBe(86_400);
  });
});

describe('viewRollupFilter and viewQuery', () => {
  it('covers the minutes the range touches, for the view or its previous period, with pins', () => {
    const view = resolveDashboardView({ range: '15m', service: 's' }, now);
    const filter = viewRollupFilter(view);
    expect(filter.fromMinute).toBe(Math.floor((now - 900_000) / 60_000));
    expect(filter.toMinute).toBe(Math.ceil(now / 60_000));
    expect(filter.service).toBe('s');
    expect(viewRollupFilter(view, { previous: true }).toMinute).toBe(Math.ceil((now - 900_000) / 60_000));
    expect(viewRollupFilter(view, { pin: { key: 'fp_1' } }).key).toBe('fp_1');
  });

  it('writes links that keep the range and filters, with changes applied', () => {
    const view = resolveDashboardView({ range: '6h', service: 'billing worker', refresh: 'off' }, now);
    expect(viewQuery(view)).toBe('?range=6h&service=billing+worker&refresh=off');
    expect(viewQuery(view, { service: undefined, status: '429' })).toBe('?range=6h&refresh=off&status=429');
    const custom = resolveDashboardView({ range: 'custom', from: '2026-11-24T00:00:00Z', to: '2026-11-24T06:00:00Z' }, now);
    expect(viewQuery(custom)).toBe('?range=custom&from=2026-11-24T00%3A00%3A00.000Z&to=2026-11-24T06%3A00%3A00.000Z');
  });
});
