// Looks a record up by the id segment of a path, numeric or UUID, without coercing look-alikes.

const numericId = /^[1-9]\d{0,14}$/;

/** "7" finds id 7; "07", "7.0" or "1e1" find nothing, as a typo in a real URL would. */
export function findById<T extends { id: number | string }>(records: readonly T[], rawId: string | undefined): T | undefined {
  if (rawId === undefined) return undefined;
  const id = numericId.test(rawId) ? Number(rawId) : rawId.toLowerCase();
  return records.find((record) => record.id === id);
}
