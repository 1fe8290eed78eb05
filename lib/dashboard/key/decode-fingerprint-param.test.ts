import { describe, expect, it } from 'vitest';
import { decodeFingerprintParam } from './decode-fingerprint-param';

describe('decodeFingerprintParam', () => {
  it.each([
    ['fp_77d1e0a1b2c3d4e5', 'fp_77d1e0a1b2c3d4e5'],
    ['fp_77d1e0a1b2c3d4e5_Ab12', 'fp_77d1e0a1b2c3d4e5_Ab12'],
    ['sha256%3Aabc%2Fdef%2B%3D', 'sha256:abc/def+='],
    ['sha256:abc/def+=', 'sha256:abc/def+='],
  ])('reads %s as %s', (segment, fingerprint) => {
    expect(decodeFingerprintParam(segment)).toBe(fingerprint);
  });

  it('gives null for a malformed escape or an empty fingerprint', () => {
    expect(decodeFingerprintParam('fp_%E0%A4%A')).toBeNull();
    expect(decodeFingerprintParam('%')).toBeNull();
    expect(decodeFingerprintParam('')).toBeNull();
  });

  it('is stable when applied to its own output', () => {
    const once = decodeFingerprintParam(encodeURIComponent('k:v/w+x=~y'));
    expect(once).toBe('k:v/w+x=~y');
    expect(decodeFingerprintParam(once ?? '')).toBe(once);
  });
});
