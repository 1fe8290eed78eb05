import { describe, expect, it } from 'vitest';
import { formatDuration, formatStatus, formatUtcTime, prepareRequestRow } from './prepare-request-row';
import { storedRequest } from './stored-request.fixture';

describe('prepareRequestRow', () => {
  it('shows a throttled call with its code, reason phrase, key and timings', () => {
    expect(prepareRequestRow(storedRequest())).toEqual({
      id: 42,
      startIso: '2026-01-10T08:00:01.234Z',
      startText: '2026-01-10 08:00:01.234',
      service: 'billing-worker',
      endpointId: 'ep00000000000001',
      endpointText: 'GET cc1.voiso.com/api/v4/users',
      statusCode: 429,
      statusText: '429 Too Many Requests',
      statusClass: '4xx',
      errorKey: 'Too many requests',
      moreErrorKeys: 0,
      keyFingerprint: 'fp_77d1e0aa',
      keyText: 'fp_77d1e0aa',
      durationText: '42 ms',
      resendText: '1',
    });
  });

  it('prefers the key label, and says when a call carried no key', () => {
    expect(prepareRequestRow(storedRequest({ apiKeyLabel: 'billing worker, production' })).keyText).toBe('billing worker, production');
    expect(prepareRequestRow(storedRequest({ apiKeyFingerprint: '' })).keyText).toBe('no key');
  });

  it('counts the error keys beyond the first', () => {
    const row = prepareRequestRow(
      storedRequest({ statusCode: 422, errorKey: 'name: is missing', errorKeys: ['name: is missing', 'a: b', 'c: d'] }),
    );
    expect([row.statusText, row.errorKey, row.moreErrorKeys]).toEqual(['422 Unprocessable Entity', 'name: is missing', 2]);
  });

  it('shows a call without a response as such, and a success without error key or resends', () => {
    const network = prepareRequestRow(storedRequest({ statusCode: 0, statusClass: 'network', errorKey: null, errorKeys: [] }));
    expect([network.statusText, network.statusClass, network.errorKey]).toEqual(['No response', 'network', null]);
    const ok = prepareRequestRow(storedRequest({ statusCode: 200, statusClass: '2xx', errorKey: null, errorKeys: [], resendCount: null }));
    expect([ok.statusText, ok.statusClass, ok.resendText]).toEqual(['200 OK', '2xx', '—']);
  });
});

describe('formatters', () => {
  it.each([
    [0.84, '0.8 ms'],
    [9.96, '10 ms'],
    [42.5, '43 ms'],
    [999.4, '999 ms'],
    [1250, '1.25 s'],
    [61_000, '61.00 s'],
  ])('formats %s ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('writes times in UTC and statuses with their phrase', () => {
    expect(formatUtcTime(Date.parse('2026-03-01T23:59:59.999+02:00'))).toBe('2026-03-01 21:59:59.999');
    expect(formatStatus(499)).toBe('HTTP 499');
    expect(formatStatus(401)).toBe('401 Unauthorized');
  });
});
