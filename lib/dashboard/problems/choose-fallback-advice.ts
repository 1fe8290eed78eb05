// When no rule recognised a cause on an endpoint or key page, the general advice for the status
// it failed with most: a page never ends at "it fails" without a next step.
import { adviceFor } from '@/lib/advice/advice-catalog';
import type { AdviceEntry } from '@/lib/advice/advice-entry';

export interface FallbackAdvice {
  /** "429", or "5xx" for the server errors together. */
  status: string;
  calls: number;
  entry: AdviceEntry;
  /** Request-explorer parameters that list these calls. */
  explorerFilter: Record<string, string>;
}

/**
 * The most frequent failing status with a catalog entry (server errors counted together, as the
 * catalog treats them); null when nothing failed or no failing status has advice (e.g. only
 * network errors). Ties go to the lower code, so the choice is stable.
 */
export function chooseFallbackAdvice(byStatus: Readonly<Record<string, number>>): FallbackAdvice | null {
  const counts = new Map<string, number>();
  for (const [status, calls] of Object.entries(byStatus)) {
    if (calls <= 0 || !/^\d{3}$/.test(status) || Number(status) < 400) continue;
    const key = status.startsWith('5') ? '5xx' : status;
    if (!adviceFor(key)) continue;
    counts.set(key, (counts.get(key) ?? 0) + calls);
  }
  let best: { status: string; calls: number } | null = null;
  for (const [status, calls] of counts) {
    if (!best || calls > best.calls || (calls === best.calls && status < best.status)) best = { status, calls };
  }
  if (!best) return null;
  const entry = adviceFor(best.status);
  if (!entry) return null;
  return {
    status: best.status,
    calls: best.calls,
    entry,
    explorerFilter: best.status === '5xx' ? { class: '5xx' } : { status: best.status },
  };
}
