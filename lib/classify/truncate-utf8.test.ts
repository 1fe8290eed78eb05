import { describe, expect, it } from 'vitest';
import { truncateUtf8 } from './truncate-utf8';

const byteLength = (text: string) => Buffer.byteLength(text, 'utf8');

describe('truncateUtf8', () => {
  it('leaves text within the limit alone', () => {
    expect(truncateUtf8('{"error":"Forbidden"}', 4096)).toBe('{"error":"Forbidden"}');
    expect(truncateUtf8('é'.repeat(2048), 4096)).toBe('é'.repeat(2048));
  });

  it('cuts ASCII at exactly the byte limit', () => {
    expect(truncateUtf8('a'.repeat(5000), 4096)).toBe('a'.repeat(4096));
  });

  it.each([
    ['2-byte', 'é'],
    ['3-byte', '€'],
    ['4-byte', '😀'],
  ])('never splits a %s character', (_label, char) => {
    for (let prefix = 0; prefix < 4; prefix++) {
      const text = 'a'.repeat(prefix) + char.repeat(3000);
      const cut = truncateUtf8(text, 4096);
      expect(byteLength(cut)).toBeLessThanOrEqual(4096);
      expect(byteLength(cut)).toBeGreaterThan(4096 - byteLength(char));
      expect(cut).not.toContain('\uFFFD');
      expect(text.startsWith(cut)).toBe(true);
    }
  });

  it('returns "" for a zero limit', () => {
    expect(truncateUtf8('abc', 0)).toBe('');
  });
});
