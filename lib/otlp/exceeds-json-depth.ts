// Owns the nesting limit on a parsed OTLP/JSON document, checked before schema validation.
// The attribute-value schema is unrolled to a fixed depth derived from this limit (see
// schemas/otlp-json-schema.ts); refusing deeper documents up front, without recursion, gives
// them one clear message instead of a path thousands of levels long, and no validation work.

/**
 * Document levels allowed: the OTLP envelope down to an attribute value takes 10, and each
 * nested attribute value 3 (arrays) or 4 (key-value lists), so this allows about 30 nested values.
 */
export const MAX_JSON_DEPTH = 128;

/** True when objects and arrays nest more than `maxDepth` levels anywhere in `value`. */
export function exceedsJsonDepth(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
  const pending: unknown[] = [value];
  const depths: number[] = [1];
  while (pending.length > 0) {
    const node = pending.pop();
    const depth = depths.pop() ?? 1;
    if (node === null || typeof node !== 'object') continue;
    if (depth > maxDepth) return true;
    const children: unknown[] = Array.isArray(node) ? node : Object.values(node);
    for (const child of children) {
      if (child !== null && typeof child === 'object') {
        pending.push(child);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}
