import { describe, expect, it } from 'vitest';
import { keyDisplayName } from './key-display-name';

describe('keyDisplayName', () => {
  it('prefers the label, else the fingerprint, and names calls without a key', () => {
    expect(keyDisplayName({ fingerprint: 'fp_1', label: 'billing worker' })).toBe('billing worker');
    expect(keyDisplayName({ fingerprint: 'fp_1', label: null })).toBe('fp_1');
    expect(keyDisplayName({ fingerprint: 'fp_1', label: '' })).toBe('fp_1');
    expect(keyDisplayName({ fingerprint: '', label: null })).toBe('No key');
  });
});
