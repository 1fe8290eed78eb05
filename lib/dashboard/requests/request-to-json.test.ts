import { describe, expect, it } from 'vitest';
import { requestToJson } from './request-to-json';
import { storedRequest } from './stored-request.fixture';

describe('requestToJson', () => {
  it('writes times as ISO strings and keeps every other attribute', () => {
    const { startMs, receivedMs, ...rest } = storedRequest({ errorKeys: ['a', 'b'] });
    const json = requestToJson({ startMs, receivedMs, ...rest });
    expect(json).toEqual({ ...rest, startedAt: '2026-01-10T08:00:01.234Z', receivedAt: '2026-01-10T08:00:03.500Z' });
    expect(json).not.toHaveProperty('startMs');
    expect(json).not.toHaveProperty('receivedMs');
  });
});
