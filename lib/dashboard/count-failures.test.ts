import { describe, expect, it } from 'vitest';
import { countFailures } from './count-failures';

describe('countFailures', () => {
  it('counts 4xx, 5xx and calls without a response, not 2xx or 3xx', () => {
    expect(countFailures({ '200': 10, '304': 2, '399': 1, '400': 1, '429': 3, '503': 2, network: 4 })).toBe(10);
  });

  it('is 0 without failures or calls', () => {
    expect(countFailures({ '200': 5 })).toBe(0);
    expect(countFailures({})).toBe(0);
  });
});
