// The demo's personas, played as stored calls: each service gets the finding its mistake calls
// for and no other, and the healthy crm-sync gets none.
import { describe, expect, it } from 'vitest';
import { evidenceFromCalls } from './diagnosis-evidence.fixture';
import type { Finding } from './finding';
import { expectedPersonaCodes, personaTraffic } from './persona-traffic.fixture';
import { diagnose } from './run-diagnosis';

const startMs = Date.UTC(2026, 10, 25, 10, 0);

function codesByService(findings: readonly Finding[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of findings) out.set(f.scope.service ?? '', [...(out.get(f.scope.service ?? '') ?? []), f.code].sort());
  return out;
}

describe.each([
  { name: 'five minutes, key revoked after 45 s', durationMs: 5 * 60_000, rotateAfterMs: 45_000, seed: 7 },
  { name: 'thirty seconds, key revoked after 8 s (the e2e test)', durationMs: 30_000, rotateAfterMs: 8_000, seed: 11 },
])('demo personas over $name', ({ durationMs, rotateAfterMs, seed }) => {
  const calls = personaTraffic({ startMs, durationMs, rotateAfterMs, seed });
  const findings = diagnose(evidenceFromCalls(calls, { fromMs: startMs, toMs: startMs + durationMs }));
  const byService = codesByService(findings);

  it.each(Object.entries(expectedPersonaCodes))('%s', (service, expected) => {
    const got = (byService.get(service) ?? []).filter((code) => !expected.optional?.includes(code as never));
    expect(got, JSON.stringify(findings.filter((f) => f.scope.service === service).map((f) => f.title))).toEqual([...expected.codes].sort());
  });

  it('names no service outside the cast', () => {
    expect([...byService.keys()].filter((s) => !(s in expectedPersonaCodes))).toEqual([]);
  });
});
