// Durations as findings state them: "2 ms", "300 ms", "1 s", "1.5 s", "2 min".

export function formatWait(ms: number): string {
  const value = Math.max(0, ms);
  if (value < 1000) return `${Math.round(value)} ms`;
  if (value < 60_000) {
    const seconds = value / 1000;
    return `${seconds < 10 ? Number(seconds.toFixed(1)) : Math.round(seconds)} s`;
  }
  return `${Number((value / 60_000).toFixed(1))} min`;
}
