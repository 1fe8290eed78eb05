// Owns the nesting limit on a parsed OTLP/JSON document, checked before schema validation.
// Validation recurses once per level, so a deep enough document overflows the stack; zod's
// memoizer then keeps the half-built output of that parse on a module-level stack for good (a
// leak per request, found by the fuzz test). Refusing such a document up front, without
// recursion, means validation never overflows.

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
