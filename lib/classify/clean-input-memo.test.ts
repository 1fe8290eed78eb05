import { describe, expect, it, vi } from 'vitest';
import { cleanInputMemo } from './clean-input-memo';
import { sanitizeSpanName } from './sanitize-span-name';
import { templateRoute } from './template-route';

describe('cleanInputMemo', () => {
  it('computes a kept input once, and always gives the function answer', () => {
    const fn = vi.fn((input: string) => input.toUpperCase());
    const memo = cleanInputMemo(fn, { maxEntries: 10, maxInputLength: 100, keep: () => true });
    expect([memo('a'), memo('a'), memo('b'), memo('a')]).toEqual(['A', 'A', 'B', 'A']);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('never remembers inputs that keep() refuses or that are too long', () => {
    const fn = vi.fn((input: string) => input.trim());
    const memo = cleanInputMemo(fn, { maxEntries: 10, maxInputLength: 5, keep: (input, output) => input === output });
    memo(' x ');
    memo(' x ');
    memo('abcdef');
    memo('abcdef');
    memo('abc');
    memo('abc');
    expect(fn.mock.calls.map(([input]) => input)).toEqual([' x ', ' x ', 'abcdef', 'abcdef', 'abc']);
  });

  it('empties its memory when full instead of growing', () => {
    const fn = vi.fn((input: string) => input);
    const memo = cleanInputMemo(fn, { maxEntries: 2, maxInputLength: 10, keep: () => true });
    for (const input of ['a', 'b', 'a', 'c', 'c', 'a']) memo(input);
    // 'c' found the memory full (a, b) and started it afresh, so 'a' was computed again.
    expect(fn.mock.calls.map(([input]) => input)).toEqual(['a', 'b', 'c', 'a']);
  });
});

describe('remembered classify functions', () => {
  it('answer repeated inputs the same, whether or not they were remembered', () => {
    for (const name of ['GET', 'GET https://u:p@h/x?token=abc', 'GET', 'GET https://u:p@h/x?token=abc']) {
      expect(sanitizeSpanName(name)).toBe(name.startsWith('GET https') ? 'GET https://h/x' : 'GET');
    }
    for (const path of ['/api/v4/users/{id}', '/api/v4/users/123', '/api/v4/users/{id}', '/api/v4/users/123']) {
      expect(templateRoute(path)).toBe('/api/v4/users/{id}');
    }
  });
});
