import { describe, expect, it } from 'vitest';
import { summarizeTopErrorKeys } from './summarize-top-error-keys';

describe('summarizeTopErrorKeys', () => {
  const ranked = [
    { statusCode: 429, errorKey: 'Too many requests', count: 40 },
    { statusCode: 422, errorKey: 'name: is missing', count: 12 },
    { statusCode: 422, errorKey: 'timezone: must be a string', count: 5 },
    { statusCode: 401, errorKey: 'Unauthorized', count: 3 },
  ];

  it('gives one line per failing status, most calls first, with its most frequent key', () => {
    const top = summarizeTopErrorKeys(ranked, { '200': 100, '401': 3, '422': 15, '429': 40 });
    expect(top).toEqual([
      { status: '429', statusLabel: 'Too Many Requests', statusClass: '4xx', calls: 40, errorKey: 'Too many requests', keyCalls: 40, share: 1 },
      { status: '422', statusLabel: 'Unprocessable Entity', statusClass: '4xx', calls: 15, errorKey: 'name: is missing', keyCalls: 12, share: 0.8 },
      { status: '401', statusLabel: 'Unauthorized', statusClass: '4xx', calls: 3, errorKey: 'Unauthorized', keyCalls: 3, share: 1 },
    ]);
  });

  it('names no key for a failing status without recorded keys, and includes calls without a response', () => {
    const top = summarizeTopErrorKeys([], { '500': 2, network: 2, '200': 1 });
    expect(top.map((t) => [t.status, t.calls, t.errorKey, t.share])).toEqual([
      ['500', 2, null, 0],
      ['network', 2, null, 0],
    ]);
  });

  it('is empty when nothing failed', () => {
    expect(summarizeTopErrorKeys([], { '200': 5, '304': 1 })).toEqual([]);
    expect(summarizeTopErrorKeys([], {})).toEqual([]);
  });

  it('never claims more key calls than status calls', () => {
    const [top] = summarizeTopErrorKeys([{ statusCode: 404, errorKey: 'Not Found', count: 9 }], { '404': 4 });
    expect(top).toMatchObject({ keyCalls: 4, share: 1 });
  });
});
