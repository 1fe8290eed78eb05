// Turns a request path into a low-cardinality route template such as /api/v4/contacts/{id}.
import { cleanInputMemo } from './clean-input-memo';

export const maxRouteLength = 512;

const schemeAndAuthority = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;
const allDigits = /^\d+$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hex = /^[0-9a-f]{8,}$/i;
const opaque = /^[A-Za-z0-9_-]{16,}$/;
const digit = /\d/;
const letter = /[A-Za-z]/;

/** Whether a (decoded) path segment is an identifier rather than part of the API's vocabulary. */
export function isIdSegment(segment: string): boolean {
  if (allDigits.test(segment) || uuid.test(segment)) return true;
  // Requiring a digit keeps all-letter words that happen to be hex ("facade", "deadbeef") intact.
  if (hex.test(segment) && digit.test(segment)) return true;
  // Base62/base64url/prefixed ids (cus_NffrFeUfNV2Hib). Short tokens like "v4" never reach 16 chars.
  return opaque.test(segment) && digit.test(segment) && letter.test(segment);
}

function decodeSegment(segment: string): string {
  if (!segment.includes('%')) return segment;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function computeTemplate(path: string): string {
  let rest = path.trim().replace(schemeAndAuthority, '');
  const cut = rest.search(/[?#]/);
  if (cut >= 0) rest = rest.slice(0, cut);
  const segments = rest
    .split('/')
    .filter((segment) => segment !== '')
    // Test the decoded form (%31%32 is 12) but keep the raw one, so the template stays a valid path.
    .map((segment) => (isIdSegment(decodeSegment(segment)) ? '{id}' : segment));
  const route = `/${segments.join('/')}`;
  if (route.length <= maxRouteLength) return route;
  // Don't leave half a percent-escape, or a trailing slash, at the cut.
  return route
    .slice(0, maxRouteLength)
    .replace(/%[0-9A-Fa-f]?$/, '')
    .replace(/\/$/, '');
}

/**
 * The route template of `path`: query and fragment dropped (their values can hold secrets),
 * id-like segments replaced by {id}, duplicate and trailing slashes removed, at most 512 chars.
 * Also accepts an absolute URL, whose scheme and authority (and so any userinfo) are dropped.
 * Templates (url.template, or an id-free path) come out unchanged and repeat on most calls, so
 * those are remembered; paths with ids or anything to strip are templated every time.
 */
export const templateRoute: (path: string) => string = cleanInputMemo(computeTemplate, {
  maxEntries: 1024,
  maxInputLength: maxRouteLength,
  keep: (path, route) => route === path,
});
