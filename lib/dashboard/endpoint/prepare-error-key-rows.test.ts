import { describe, expect, it } from 'vitest';
import { prepareErrorKeyRows } from './prepare-error-key-rows';

describe('prepareErrorKeyRows', () => {
  it('labels statuses, splits 422 keys and shares each key of the failed calls', () => {
    const rows = prepareErrorKeyRows(
      [
        { statusCode: 422, errorKey: 'name: is missing', count: 6 },
        { statusCode: 429, errorKey: 'Too many requests', count: 3 },
        { statusCode: 0, errorKey: 'ECONNREFUSED', count: 1 },
      ],
      8,
    );
    expect(rows).toEqual([
      {
        status: '422',
        statusLabel: 'Unprocessable Entity',
        statusClass: '4xx',
        errorKey: 'name: is missing',
        field: 'name',
        message: 'is missing',
        count: 6,
        shareText: '75%',
      },
      {
        status: '429',
        statusLabel: 'Too Many Requests',
        statusClass: '4xx',
        errorKey: 'Too many requests',
        field: null,
        message: 'Too many requests',
        count: 3,
        shareText: '37.5%',
      },
      {
        status: 'network',
        statusLabel: 'No response',
        statusClass: 'network',
        errorKey: 'ECONNREFUSED',
        field: null,
        message: 'ECONNREFUSED',
        count: 1,
        shareText: '12.5%',
      },
    ]);
  });

  it('has no shares when there were no failed calls', () => {
    const rows = prepareErrorKeyRows([{ statusCode: 422, errorKey: 'a: b', count: 1 }], 0);
    expect(rows.map((r) => r.shareText)).toEqual(['—']);
  });

  it('lets the shares of a multi-key 422 add up to more than 100%', () => {
    const rows = prepareErrorKeyRows(
      [
        { statusCode: 422, errorKey: 'name: is missing', count: 2 },
        { statusCode: 422, errorKey: 'timezone: must be a string', count: 2 },
      ],
      2,
    );
    expect(rows.map((r) => r.shareText)).toEqual(['100%', '100%']);
  });
});
