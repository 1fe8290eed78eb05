// Splits a 422 error key into the field and the message ("name: is missing" → name, is
// missing), so the endpoint page can show which fields callers get wrong.

export interface SplitErrorKey {
  /** null when the key does not name a field. */
  field: string | null;
  message: string;
}

// Field paths as parseErrorKeys writes them: "name", "address.city", "items[0].sku". A
// prefix with spaces ("Validation failed: …") is a sentence, not a field.
const fieldPattern = /^[A-Za-z_$][\w$.[\]-]{0,99}$/;

export function splitErrorKey(statusCode: number, errorKey: string): SplitErrorKey {
  if (statusCode !== 422) return { field: null, message: errorKey };
  const at = errorKey.indexOf(': ');
  if (at <= 0) return { field: null, message: errorKey };
  const field = errorKey.slice(0, at);
  if (!fieldPattern.test(field)) return { field: null, message: errorKey };
  return { field, message: errorKey.slice(at + 2) };
}
