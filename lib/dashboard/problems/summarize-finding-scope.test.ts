import { describe, expect, it } from 'vitest';
import { finding } from './finding.fixture';
import { summarizeFindingScope } from './summarize-finding-scope';

describe('summarizeFindingScope', () => {
  it('names service, key and the one endpoint', () => {
    expect(summarizeFindingScope(finding())).toBe('report-exporter · fp_77d1e0aa · GET cc1.voiso.com/api/v4/cdr');
  });

  it('counts several endpoints, names calls without a key, and falls back to the host', () => {
    expect(summarizeFindingScope({ scope: { service: 's', key: '', endpointIds: ['a', 'b', 'c'], host: 'h' } })).toBe(
      's · no key · 3 endpoints on h',
    );
    expect(summarizeFindingScope({ scope: { service: 's', key: 'k', endpointIds: ['a', 'b'] } })).toBe('s · k · 2 endpoints');
    expect(summarizeFindingScope({ scope: { service: 's', host: 'h' } })).toBe('s · h');
    expect(summarizeFindingScope({ scope: {} })).toBe('');
  });
});
