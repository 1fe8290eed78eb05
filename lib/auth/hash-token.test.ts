import { describe, expect, it } from 'vitest';
import { generateToken, hashToken, tokenDisplayPrefix } from './hash-token';

describe('tokenDisplayPrefix', () => {
  it('keeps only the kind marker and 4 characters, even when the secret contains "_"', () => {
    expect(tokenDisplayPrefix('fl_ingest_n8OPqsRTLgcZj0IgOquOadNKFYYYe_wkXyZ')).toBe('fl_ingest_n8OP…');
    expect(tokenDisplayPrefix('fl_api_Zz9y_more_and_more')).toBe('fl_api_Zz9y…');
    expect(tokenDisplayPrefix('a-token-from-the-environment')).toBe('a-to…');
    for (let i = 0; i < 200; i++) {
      const token = generateToken(i % 2 ? 'api' : 'ingest');
      const prefix = tokenDisplayPrefix(token);
      expect(prefix.length).toBe((i % 2 ? 'fl_api_' : 'fl_ingest_').length + 5);
      expect(token.startsWith(prefix.slice(0, -1))).toBe(true);
    }
  });

  it('hashes to 64 hex characters, never the token itself', () => {
    const token = generateToken('ingest');
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(token)).not.toContain(token);
  });
});
