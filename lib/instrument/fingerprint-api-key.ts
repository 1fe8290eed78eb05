// Derives the stable, non-reversible API-key fingerprint that Faultline groups calls by.
import { createHash, createHmac } from 'node:crypto';

// Domain separation: the same key hashed for another purpose never yields this fingerprint.
const fingerprintContext = 'faultline/api-key-fingerprint/v1\0';
// A suffix only on keys long enough that 4 visible characters leave the rest unguessable.
const minKeyLengthForSuffix = 24;
const suffixShape = /^[A-Za-z0-9]{4}$/;

/**
 * `fp_<16 hex>` (64 bits of SHA-256, or of HMAC-SHA-256 when a secret is given), followed by
 * `_<last 4>` when the key is long and ends in 4 alphanumerics, so people can match a
 * fingerprint against the end of a key they hold. The same key always gets the same value.
 */
export function fingerprintApiKey(key: string, secret?: string): string {
  const digest = secret
    ? createHmac('sha256', secret).update(fingerprintContext).update(key).digest('hex')
    : createHash('sha256').update(fingerprintContext).update(key).digest('hex');
  const last4 = key.slice(-4);
  const suffix = key.length >= minKeyLengthForSuffix && suffixShape.test(last4) ? `_${last4}` : '';
  return `fp_${digest.slice(0, 16)}${suffix}`;
}
