// The fingerprint in a /keys/[fingerprint] path. Links encode it (fingerprints may hold "/",
// "+" or ":"); the classifier never accepts "%" in a fingerprint, so decoding a segment that
// is already decoded leaves it unchanged.

/** The decoded fingerprint, or null when the segment cannot name one (the page then 404s). */
export function decodeFingerprintParam(segment: string): string | null {
  let value = segment;
  if (value.includes('%')) {
    try {
      value = decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  // '' groups the calls that carried no key; it has no page of its own.
  return value === '' ? null : value;
}
