// Recognises attributes (and map keys) that carry credential headers, whatever the
// instrumentation called them: such values are dropped whole, never stored or exported.

// Authorization, Proxy-Authorization, Cookie, Set-Cookie, X-Api-Key, Api-Key, X-Auth-Token, as
// one word of the name's last segment (http.request.header.x_api_key, app.session-cookie).
const credentialHeaderWord = /(?:^|[-_])(?:(?:proxy[-_])?authorization|(?:set[-_])?cookie|(?:x[-_])?api[-_]?key|(?:x[-_])?auth[-_]token)(?:[-_]|$)/i;

/**
 * Whether `name` is a credential header's attribute or key: http.request.header.authorization,
 * http.response.header.set-cookie, a vendor's x_api_key, … Only the last dot-separated segment
 * counts, so faultline.api_key.fingerprint (a fingerprint, not a key) is not one.
 */
export function isCredentialHeaderAttribute(name: string): boolean {
  return credentialHeaderWord.test(name.slice(name.lastIndexOf('.') + 1));
}
