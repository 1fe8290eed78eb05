// Owns the fast path for OTLP/JSON attribute lists in the canonical form exporters send
// ({"key": "...", "value": {"stringValue": "..."}}, ints, bools, doubles, arrays and maps of
// those). The zod schema for attributes unrolls AnyValue ~40 levels deep and runs a dozen schema
// nodes per attribute; for these plain shapes the answer is known without it. Anything else
// (snake_case names, nulls, strings for numbers, bytes, deep nesting, a wrong type anywhere)
// returns undefined so the zod schema decides, with its own answer or its own issues: this
// never accepts what the schema would refuse, nor maps a value differently.
import type { AttributeValue, Attributes } from '../decoded-span';

/** Nesting handled here; deeper values (rare) go to the schema, which knows its own limit. */
const MAX_FAST_NESTING = 8;
/** Up to 15 digits a decimal string is an exact, safe integer; longer ones go to the schema. */
const SHORT_INTEGER = /^-?\d{1,15}$/;

/** What the schema does for "no answer here": this module's sentinel. */
type Maybe<T> = T | undefined;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** As Object.fromEntries in the schema: an own data property even for "__proto__", last one wins. */
function setEntry(target: Attributes, key: string, value: AttributeValue): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

/** int64 as the schema maps it: an exact number (never -0, as BigInt has none). */
function intValue(value: unknown): Maybe<number> {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && SHORT_INTEGER.test(value)) n = Number(value);
  else return undefined;
  if (!Number.isSafeInteger(n)) return undefined;
  return n === 0 ? 0 : n;
}

/** `values` of an ArrayValue or KeyValueList: an array, or absent (→ empty). */
function valuesOf(container: unknown): Maybe<unknown[] | null> {
  if (!isPlainObject(container)) return undefined;
  for (const name in container) if (name.includes('_')) return undefined;
  const values = container.values;
  if (values === undefined) return null;
  return Array.isArray(values) ? values : undefined;
}

function anyValue(value: unknown, nesting: number): Maybe<AttributeValue> {
  if (!isPlainObject(value)) return undefined;
  let stringValue: string | undefined;
  let boolValue: boolean | undefined;
  let int: number | undefined;
  let double: number | undefined;
  let array: AttributeValue[] | undefined;
  let kvlist: Attributes | undefined;
  for (const name in value) {
    // A snake_case member could be renamed onto a camelCase one: the schema's business.
    if (name.includes('_')) return undefined;
    const member = value[name];
    switch (name) {
      case 'stringValue':
        if (typeof member !== 'string') return undefined;
        stringValue = member;
        break;
      case 'boolValue':
        if (typeof member !== 'boolean') return undefined;
        boolValue = member;
        break;
      case 'intValue':
        int = intValue(member);
        if (int === undefined) return undefined;
        break;
      case 'doubleValue':
        if (typeof member !== 'number') return undefined;
        double = member;
        break;
      case 'arrayValue': {
        const items = nesting > 0 ? valuesOf(member) : undefined;
        if (items === undefined) return undefined;
        array = [];
        for (const item of items ?? []) {
          const mapped = anyValue(item, nesting - 1);
          if (mapped === undefined) return undefined;
          array.push(mapped);
        }
        break;
      }
      case 'kvlistValue': {
        const items = nesting > 0 ? valuesOf(member) : undefined;
        if (items === undefined) return undefined;
        const mapped = keyValues(items ?? [], nesting - 1);
        if (mapped === undefined) return undefined;
        kvlist = mapped;
        break;
      }
      case 'bytesValue':
        return undefined;
      default:
        // Unknown members are ignored by the schema too.
        break;
    }
  }
  // The schema's precedence when several members are set: first in field order wins.
  if (stringValue !== undefined) return stringValue;
  if (boolValue !== undefined) return boolValue;
  if (int !== undefined) return int;
  if (double !== undefined) return double;
  return array ?? kvlist ?? null;
}

function keyValues(items: readonly unknown[], nesting: number): Maybe<Attributes> {
  const attributes: Attributes = {};
  for (const item of items) {
    if (!isPlainObject(item)) return undefined;
    // Other members of a KeyValue (snake_case or not) cannot become "key" or "value": ignored.
    const key = item.key;
    const value = item.value;
    if (typeof key !== 'string') return undefined;
    let mapped: Maybe<AttributeValue> = null;
    if (value !== undefined) {
      mapped = anyValue(value, nesting);
      if (mapped === undefined) return undefined;
    }
    setEntry(attributes, key, mapped);
  }
  return attributes;
}

/**
 * The attributes of a canonical OTLP/JSON `attributes` list (absent → {}), exactly as the zod
 * schema would map them, or undefined when the list is not in canonical form.
 */
export function canonicalAttributes(list: unknown): Maybe<Attributes> {
  if (list === undefined) return {};
  if (!Array.isArray(list)) return undefined;
  return keyValues(list, MAX_FAST_NESTING);
}
