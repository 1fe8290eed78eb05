// Lenient typed reads of flattened span attributes: SDKs disagree on value types and on names.
import type { AttributeValue, Attributes } from '@/lib/otlp/decoded-span';

export interface AttributeReader {
  /** The value under `key`, if present (own keys only: "constructor" is not inherited). */
  raw(key: string): AttributeValue | undefined;
  /** The first of `keys` holding a non-blank string, trimmed. */
  string(...keys: string[]): string | null;
  /** The first of `keys` holding an integer: a number, or a string of digits. */
  integer(...keys: string[]): number | null;
  /** The first of `keys` holding a header: semconv's string array joined with ", ", or a plain string. */
  header(...keys: string[]): string | null;
}

function toInteger(value: AttributeValue | undefined): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) {
    const parsed = Number(value);
    return Number.isSafeInteger(parsed) ? parsed : null;
  }
  return null;
}

function toHeader(value: AttributeValue | undefined): string | null {
  const joined = Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string').join(', ')
    : value;
  return typeof joined === 'string' && joined.trim() !== '' ? joined.trim() : null;
}

/** Reads `attributes`, trying each given key in order and skipping values of the wrong type. */
export function attributeReader(attributes: Attributes): AttributeReader {
  const raw = (key: string) => (Object.hasOwn(attributes, key) ? attributes[key] : undefined);
  const first = <T>(keys: string[], convert: (value: AttributeValue | undefined) => T | null): T | null => {
    for (const key of keys) {
      const converted = convert(raw(key));
      if (converted !== null) return converted;
    }
    return null;
  };
  return {
    raw,
    string: (...keys) =>
      first(keys, (value) => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null)),
    integer: (...keys) => first(keys, toInteger),
    header: (...keys) => first(keys, toHeader),
  };
}
