// How counts, shares and times read everywhere in the dashboard's tables, tiles and titles:
// one locale for separators, shares that never round to a misleading 0% or 100%, UTC times.

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** count / total as "12.5%", at most one decimal; "—" when there were no calls at all (not 0%). */
export function formatShare(count: number, total: number): string {
  if (total <= 0) return '—';
  if (count <= 0) return '0%';
  if (count >= total) return '100%';
  const percent = (count / total) * 100;
  // A single failure in 10,000 calls is not 0%, and 9,999 of 10,000 is not 100%.
  if (percent < 0.05) return '<0.1%';
  if (percent >= 99.95) return '>99.9%';
  return `${percent.toFixed(1).replace(/\.0$/, '')}%`;
}

/** "2026-01-10 08:00:01 UTC", the zone the charts use too. */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
