// The failed calls in a by-status tally (as getSummary and getStatusTotals return it): a
// status of 400 or more, or no response at all ("network").

export function countFailures(byStatus: Readonly<Record<string, number>>): number {
  let failures = 0;
  for (const [status, count] of Object.entries(byStatus)) {
    if (status === 'network' || Number(status) >= 400) failures += count;
  }
  return failures;
}
