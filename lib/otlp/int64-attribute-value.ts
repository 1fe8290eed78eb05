// Owns how an OTLP int64 attribute value is represented in plain JS.

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);

/** A number when it survives the trip through a double, otherwise its exact decimal string. */
export function int64AttributeValue(value: bigint): number | string {
  return value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : value.toString();
}
