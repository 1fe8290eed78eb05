import { describe, expect, it } from 'vitest';
import { parseRequestExplorerQuery } from './parse-request-explorer-query';
import { encodeRequestCursor } from './request-cursor';

describe('parseRequestExplorerQuery', () => {
  it('reads nothing from a bare URL', () => {
    expect(parseRequestExplorerQuery({ range: '1h' })).toEqual({ params: {}, problems: [] });
  });

  it('reads every filter and writes them back normalised', () => {
    const cursor = encodeRequestCursor({ startMs: 1_700_000_000_000, id: 7 });
    const q = parseRequestExplorerQuery({
      status: ' 403, 401,403 ',
      class: '4xx',
      errorKey: ' name: is missing ',
      failed: 'true',
      cursor,
      request: '12',
    });
    expect(q).toEqual({
      params: { status: '403,401', class: '4xx', errorKey: 'name: is missing', failed: 'true', cursor, request: '12' },
      statuses: [403, 401],
      statusClass: '4xx',
      errorKey: 'name: is missing',
      failedOnly: true,
      cursor: { startMs: 1_700_000_000_000, id: 7 },
      requestId: 12,
      problems: [],
    });
  });

  it('accepts 0 for calls without a response and takes the first of repeated parameters', () => {
    const q = parseRequestExplorerQuery({ status: ['0', '500'], class: 'network' });
    expect(q.statuses).toEqual([0]);
    expect(q.statusClass).toBe('network');
  });

  it('treats empty form fields and failed=false as no filter', () => {
    expect(parseRequestExplorerQuery({ status: '', class: ' ', errorKey: '', failed: 'false', cursor: '', request: '' })).toEqual({
      params: {},
      problems: [],
    });
  });

  it('ignores each bad value with a notice naming it, keeping the good ones', () => {
    const q = parseRequestExplorerQuery({ status: '42x', class: '6xx', failed: 'yes', errorKey: 'x'.repeat(600), cursor: 'bogus$', request: '5' });
    expect(q.statuses).toBeUndefined();
    expect(q.statusClass).toBeUndefined();
    expect(q.failedOnly).toBeUndefined();
    expect(q.errorKey).toBeUndefined();
    expect(q.cursor).toBeUndefined();
    expect(q.params).toEqual({ request: '5' });
    expect(q.problems).toEqual([
      'Ignored status "42x": status must be HTTP status codes (100-599) separated by commas, or 0 for calls without a response.',
      'Ignored class "6xx": class must be one of 1xx, 2xx, 3xx, 4xx, 5xx, network.',
      'Ignored the error key: errorKey is at most 512 characters.',
      'Ignored failed "yes": failed must be true or false.',
      'The page link was not valid (a changed or truncated cursor); showing the newest calls.',
    ]);
  });

  it.each(['600', '99', '1,2,3', Array.from({ length: 21 }, (_, i) => 400 + i).join(',')])('refuses status %s', (status) => {
    const q = parseRequestExplorerQuery({ status });
    expect(q.statuses).toBeUndefined();
    expect(q.problems).toHaveLength(1);
  });

  it.each(['abc', '0', '-3', '1.5', '99999999999', '2147483648'])('explains a request id %s that names no call', (request) => {
    const q = parseRequestExplorerQuery({ request });
    expect(q.requestId).toBeUndefined();
    expect(q.params.request).toBeUndefined();
    expect(q.requestProblem).toMatch(new RegExp(`^"${request.replace('.', '\\.')}" is not a call id`));
  });
});
