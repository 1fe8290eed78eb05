// Keeps span names credential-free: older instrumentations name client spans after the full URL.
import { redactSecretsWithin } from '@/lib/scrub/redact-secrets';
import { cleanInputMemo } from './clean-input-memo';

export const maxSpanNameLength = 256;

const userinfo = /([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^\s/?#]*@/g;
// Any "?..." is a query string (or harmless punctuation); "#..." glued to a word is a fragment,
// which can carry tokens (OAuth's #access_token=), while " #12" is left alone.
const query = /\?\S*/g;
const fragment = /(\S)#\S*/g;

function sanitize(name: string): string {
  return redactSecretsWithin(name, 2048)
    .replace(userinfo, '$1').replace(query, '').replace(fragment, '$1').trim().slice(0, maxSpanNameLength);
}

/**
 * The span name without URL userinfo, query strings, fragments or credentials, at most 256 chars.
 * Names repeat ("GET", "POST /contacts"): those that come out unchanged, so hold nothing to strip
 * or redact, are remembered instead of scanned again.
 */
export const sanitizeSpanName: (name: string) => string = cleanInputMemo(sanitize, {
  maxEntries: 1024,
  maxInputLength: maxSpanNameLength,
  keep: (name, sanitized) => sanitized === name,
});
