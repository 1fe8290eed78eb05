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
  if (value === null || typeof value !== 'object') return false;
  if (maxDepth < 1) return true;
  // An explicit stack, not recursion; children are checked as they are found, and objects are
  // walked with for-in rather than Object.values so no array is allocated per object.
  const pending: object[] = [value];
  const depths: number[] = [1];
  while (pending.length > 0) {
    const node = pending.pop() as object;
    const childDepth = (depths.pop() as number) + 1;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const child: unknown = node[i];
        if (child === null || typeof child !== 'object') continue;
        if (childDepth > maxDepth) return true;
        pending.push(child);
        depths.push(childDepth);
      }
    } else {
      for (const key in node) {
        if (!Object.hasOwn(node, key)) continue;
        const child: unknown = (node as Record<string, unknown>)[key];
        if (child === null || typeof child !== 'object') continue;
        if (childDepth > maxDepth) return true;
        pending.push(child);
        depths.push(childDepth);
      }
    }
  }
  return false;
}
