// Owns making decoded span text storable: every string a span carries (name, scope name,
// attribute keys and string values, nested too) comes out as well-formed Unicode without NUL.
// OTLP/JSON may escape lone surrogates ("\ud800") and protobufjs turns invalid UTF-8 in string
// fields into them; Prisma cannot bind such a string (the whole batch failed with a 500), and
// PostgreSQL refuses U+0000 in text. Replacing them with U+FFFD keeps the span, visibly marked,
// instead of losing the batch.
import type { AttributeValue, Attributes } from './decoded-span';

// Code units, not code points (no `u` flag): a surrogate without its partner, or NUL.
const UNSTORABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/g;
const UNSTORABLE_TEST = new RegExp(UNSTORABLE.source);

export function wellFormedText(text: string): string {
  return UNSTORABLE_TEST.test(text) ? text.replace(UNSTORABLE, '\uFFFD') : text;
}

/** One pass; returns the very same value when nothing needed repair. */
function repair(value: AttributeValue): AttributeValue {
  if (typeof value === 'string') return wellFormedText(value);
  if (Array.isArray(value)) {
    let out: AttributeValue[] | null = null;
    value.forEach((item, i) => {
      const fixed = repair(item);
      if (fixed !== item) out ??= value.slice();
      if (out) out[i] = fixed;
    });
    return out ?? value;
  }
  if (value !== null && typeof value === 'object') return wellFormedAttributes(value);
  return value;
}

/** Whether anything in `value` needs repair; allocation-free, as almost nothing ever does. */
function needsRepair(value: AttributeValue): boolean {
  if (typeof value === 'string') return UNSTORABLE_TEST.test(value);
  if (Array.isArray(value)) {
    for (const item of value) if (needsRepair(item)) return true;
    return false;
  }
  if (value !== null && typeof value === 'object') return attributesNeedRepair(value);
  return false;
}

function attributesNeedRepair(attributes: Attributes): boolean {
  for (const key in attributes) {
    if (!Object.hasOwn(attributes, key)) continue;
    if (UNSTORABLE_TEST.test(key) || needsRepair(attributes[key] as AttributeValue)) return true;
  }
  return false;
}

export function wellFormedAttributes(attributes: Attributes): Attributes {
  if (!attributesNeedRepair(attributes)) return attributes;
  const entries = Object.entries(attributes);
  let changed = false;
  const fixed = entries.map(([key, value]): [string, AttributeValue] => {
    const k = wellFormedText(key);
    const v = repair(value);
    if (k !== key || v !== value) changed = true;
    return [k, v];
  });
  // Object.fromEntries defines own properties, so a "__proto__" key cannot touch the prototype.
  return changed ? Object.fromEntries(fixed) : attributes;
}
