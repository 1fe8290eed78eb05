// The median of some numbers (the lower middle one for an even count, so it is always a value
// that was actually measured); null for none.

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}
