import { describe, expect, it } from 'vitest';
import { pageContentSecurityPolicy } from './content-security-policy';
import { databaseRetrySeconds, databaseUnavailableResponse } from './database-unavailable-page';

describe('databaseUnavailableResponse', () => {
  const nonce = 'bm9uY2Utb2YtdGhlLXRlc3Q=';
  const policy = pageContentSecurityPolicy(nonce, false);

  it('is an uncached 503 with Retry-After and the page policy', () => {
    const res = databaseUnavailableResponse(nonce, policy);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe(String(databaseRetrySeconds));
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(policy);
  });

  it('says the database is unavailable, and its only script carries the nonce and polls /api/health', async () => {
    const html = await databaseUnavailableResponse(nonce, policy).text();
    expect(html).toContain('<h1>The database is unavailable</h1>');
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).toContain("fetch('/api/health'");
    expect(html).toContain('location.reload()');
  });
});
