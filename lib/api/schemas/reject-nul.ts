// PostgreSQL refuses NUL in text, so a value with one could only ever fail deep in a query;
// the schemas refuse it at the boundary instead, with a message naming the parameter.

export function hasNoNul(value: string): boolean {
  return !value.includes('\u0000');
}

export const nulMessage = 'must not contain NUL characters';
