// Owns the exact conversion of protobufjs 64-bit integers (Long objects) to bigint.

/** The structural part of a long.js Long that protobufjs produces for 64-bit fields. */
export interface LongLike {
  low: number;
  high: number;
}

/**
 * Reads the raw 64 bits rather than trusting Long#unsigned, so the caller's declared signedness
 * (fixed64 vs int64) decides the result even if protobufjs built the Long differently.
 */
export function longToBigInt(
  value: LongLike | number | null | undefined,
  signedness: 'signed' | 'unsigned',
): bigint {
  if (value === null || value === undefined) return 0n;
  // protobufjs only yields plain numbers when `long` could not be loaded; such values are
  // already rounded above 2^53, which is the best that can be recovered then.
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(Math.trunc(value)) : 0n;
  const bits = (BigInt(value.high >>> 0) << 32n) | BigInt(value.low >>> 0);
  return signedness === 'unsigned' ? bits : BigInt.asIntN(64, bits);
}
