// Keeps the span attributes an operator opted into with FAULTLINE_EXTRA_ATTRIBUTES, made safe
// to store: credential headers dropped even when listed, secrets redacted, URL query strings
// removed, and every value and the whole set bounded so one chatty SDK cannot bloat each row.
import type { AttributeValue, Attributes } from '@/lib/otlp/decoded-span';
import { isCredentialHeaderAttribute } from './credential-header-attribute';
import { isSecretName, redactedMark, redactSecretsWithin } from './redact-secrets';

export const maxExtraAttributes = 32;
export const maxExtraValueChars = 256;
/** Of the JSON object as stored. */
export const maxExtraAttributesChars = 2048;
const maxNameChars = 128;
// Inside arrays and maps.
const maxItems = 16;
const maxDepth = 3;
// Strings are redacted within this much text, then cut to maxExtraValueChars.
const scanChars = 2048;

// Attributes that carry whole URLs (query strings, userinfo) or that Faultline already stores
// in columns of its own, cleaned; listing them (or a prefix covering them) adds nothing.
const neverExtra: ReadonlySet<string> = new Set([
  'url.full',
  'url.original',
  'url.query',
  'url.fragment',
  'url.path',
  'http.url',
  'http.target',
  'http.host',
  'faultline.error.body',
  'faultline.api_key.fingerprint',
]);

// The scheme is bounded so a long dotted run cannot make the scan quadratic.
const queryInUrl = /\b([a-z][a-z0-9+.-]{0,31}:\/\/[^\s?#"'<>]*)[?#][^\s"'<>]*/gi;

export type ExtraAttributeValue = string | number | boolean | null | ExtraAttributeValue[] | { [key: string]: ExtraAttributeValue };
export type ExtraAttributes = Record<string, ExtraAttributeValue>;

/** Exact names, or "prefix.*" for every attribute under prefix. */
function isListed(name: string, names: readonly string[]): boolean {
  return names.some((listed) => (listed.endsWith('.*') ? name.startsWith(listed.slice(0, -1)) : name === listed));
}

function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  // Never leave half a surrogate pair behind.
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}

function safeString(value: string): string {
  return cut(redactSecretsWithin(value, scanChars).replace(queryInUrl, '$1'), maxExtraValueChars);
}

/** A name that may be stored as written: bounded, and holding nothing that looks like a secret. */
function isStorableName(name: string): boolean {
  return (
    name.length <= maxNameChars &&
    // Assigning "__proto__" would set the object's prototype instead of a key.
    name !== '__proto__' &&
    !isCredentialHeaderAttribute(name) &&
    redactSecretsWithin(name, scanChars) === name
  );
}

function safeValue(name: string, value: AttributeValue, depth: number): ExtraAttributeValue | undefined {
  if (isSecretName(name)) return redactedMark;
  if (typeof value === 'string') return safeString(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= maxDepth) return undefined;
  if (Array.isArray(value)) {
    return value
      .slice(0, maxItems)
      .map((item) => safeValue('', item, depth + 1))
      .filter((item): item is ExtraAttributeValue => item !== undefined);
  }
  const entries = Object.entries(value);
  const kept: Record<string, ExtraAttributeValue> = {};
  for (const [key, item] of entries.slice(0, maxItems)) {
    if (!isStorableName(key)) continue;
    const safe = safeValue(key, item, depth + 1);
    if (safe !== undefined) kept[key] = safe;
  }
  // A map of nothing but credential headers is dropped, not kept as {}.
  return entries.length > 0 && Object.keys(kept).length === 0 ? undefined : kept;
}

/**
 * The listed attributes of a span (exact names or "prefix.*"), safe to store, or null when
 * none is kept. Never a credential header (http.request.header.authorization, cookies, API-key
 * headers, in any spelling), even when listed; attributes named like secrets (api_token,
 * client_secret) keep only "[redacted]"; strings lose credentials and URL query strings and are
 * cut to 256 characters; arrays and maps keep 16 items, 3 levels deep; at most 32 attributes
 * and 2 KiB of JSON in all, in name order.
 */
export function selectExtraAttributes(attributes: Attributes, names: readonly string[]): ExtraAttributes | null {
  if (names.length === 0) return null;
  const candidates = Object.keys(attributes)
    .filter((name) => isListed(name, names) && !neverExtra.has(name) && isStorableName(name))
    .sort();
  const kept: ExtraAttributes = {};
  let count = 0;
  let chars = 2; // "{}"
  for (const name of candidates) {
    if (count >= maxExtraAttributes) break;
    const value = safeValue(name, attributes[name] as AttributeValue, 0);
    if (value === undefined) continue;
    // "name":value plus a comma.
    const size = JSON.stringify(name).length + JSON.stringify(value).length + 2;
    if (chars + size > maxExtraAttributesChars) continue;
    kept[name] = value;
    chars += size;
    count += 1;
  }
  return count === 0 ? null : kept;
}
