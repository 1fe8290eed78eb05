import { describe, expect, it } from 'vitest';
import { pageContentSecurityPolicy } from './content-security-policy';

describe('pageContentSecurityPolicy', () => {
  it('allows only nonced scripts, no eval, no framing in production', () => {
    const policy = pageContentSecurityPolicy('abc123==', false);
    expect(policy).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
  });

  it('allows eval only for the development server', () => {
    expect(pageContentSecurityPolicy('n', true)).toContain("'unsafe-eval'");
  });
});
