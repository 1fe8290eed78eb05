// How notifications write an alert's numbers: rates as percentages, latencies in ms, windows
// and episode lengths in the largest unit that reads naturally.

/** "429 rate", "4xx/5xx count", "p95 latency". */
export function metricLabel(metric: string, codes: readonly (number | string)[]): string {
  if (metric === 'p95_latency') return 'p95 latency';
  return `${codes.join('/')} ${metric}`;
}

function trimmed(n: number, digits: number): string {
  return Number(n.toFixed(digits)).toString();
}

/** A value of the metric: 0.354 → "35.4 %", 12 → "12", 1250 → "1250 ms"; null → "n/a". */
export function formatAlertValue(metric: string, value: number | null): string {
  if (value === null) return 'n/a';
  if (metric === 'rate') return `${trimmed(value * 100, 1)} %`;
  if (metric === 'p95_latency') return `${trimmed(value, 0)} ms`;
  return trimmed(value, 2);
}

/** "> 20 %". */
export function formatComparison(metric: string, comparator: string, threshold: number): string {
  return `${comparator} ${formatAlertValue(metric, threshold)}`;
}

/** 45 s, 5 min, 2 h, 1 h 30 min, 3 d. */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 120 && seconds % 60 !== 0) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120 && minutes % 60 !== 0) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours >= 48 && hours % 24 === 0 && rest === 0) return `${hours / 24} d`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
