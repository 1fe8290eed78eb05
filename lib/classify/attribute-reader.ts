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

function toNonBlankString(value: AttributeValue | undefined): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
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

/** One instance per span: methods on a prototype rather than fresh closures for every read. */
class AttributesReader implements AttributeReader {
  constructor(private readonly attributes: Attributes) {}

  raw(key: string): AttributeValue | undefined {
    return Object.hasOwn(this.attributes, key) ? this.attributes[key] : undefined;
  }

  string(...keys: string[]): string | null {
    return this.first(keys, toNonBlankString);
  }

  integer(...keys: string[]): number | null {
    return this.first(keys, toInteger);
  }

  header(...keys: string[]): string | null {
    return this.first(keys, toHeader);
  }

  private first<T>(keys: readonly string[], convert: (value: AttributeValue | undefined) => T | null): T | null {
    for (const key of keys) {
      const converted = convert(this.raw(key));
      if (converted !== null) return converted;
    }
    return null;
  }
}

/** Reads `attributes`, trying each given key in order and skipping values of the wrong type. */
export function attributeReader(attributes: Attributes): AttributeReader {
  return new AttributesReader(attributes);
}
