// A chart step in words, for labels such as "failed calls per 5 minutes".

export function formatStep(stepSeconds: number): string {
  const units: [number, string][] = [
    [86_400, 'day'],
    [3_600, 'hour'],
    [60, 'minute'],
  ];
  for (const [size, unit] of units) {
    if (stepSeconds % size !== 0) continue;
    const n = stepSeconds / size;
    return n === 1 ? unit : `${n.toLocaleString('en-US')} ${unit}s`;
  }
  return `${stepSeconds} seconds`;
}
