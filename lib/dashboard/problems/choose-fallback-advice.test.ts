import { describe, expect, it } from 'vitest';
import { chooseFallbackAdvice } from './choose-fallback-advice';

describe('chooseFallbackAdvice', () => {
  it('picks the most frequent failing status that has advice', () => {
    const advice = chooseFallbackAdvice({ '200': 900, '401': 3, '429': 12, '404': 7 });
    expect(advice).toMatchObject({ status: '429', calls: 12, explorerFilter: { status: '429' } });
    expect(advice?.entry.status).toBe('429');
  });

  it('counts server errors together as 5xx', () => {
    expect(chooseFallbackAdvice({ '422': 5, '500': 2, '502': 2, '503': 2 })).toMatchObject({
      status: '5xx',
      calls: 6,
      explorerFilter: { class: '5xx' },
    });
  });

  it('skips statuses without advice and breaks ties by the lower code', () => {
    expect(chooseFallbackAdvice({ network: 50, '405': 40, '403': 4, '401': 4 })?.status).toBe('401');
  });

  it('is null when nothing failed or nothing has advice', () => {
    expect(chooseFallbackAdvice({})).toBeNull();
    expect(chooseFallbackAdvice({ '200': 10, '204': 3, '304': 1 })).toBeNull();
    expect(chooseFallbackAdvice({ network: 3, '405': 2, '401': 0 })).toBeNull();
  });
});
