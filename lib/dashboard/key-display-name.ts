// How an API key is named in tables and titles: its user-given label, else its fingerprint.

export function keyDisplayName(key: { fingerprint: string; label: string | null }): string {
  if (key.label) return key.label;
  // Calls that carried no key are grouped under the empty fingerprint.
  return key.fingerprint === '' ? 'No key' : key.fingerprint;
}
