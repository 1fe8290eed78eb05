// Finds credentials in free text (error bodies, span names, opted-in attribute values) and
// replaces their values with "[redacted]". Used at ingest and by the instrumentation module
// before export, so the two agree on what counts as a secret.

export const redactedMark = '[redacted]';

// A parameter or field name that holds a credential: key, api_key, apiKey, x-api-key,
// access_token, client_secret, password, passwd, pwd, X-Amz-Signature, authorization, cookie, …
// The lookarounds keep "monkey", "keyboard" and "tokenizer" out; the bounded prefix keeps the
// scan linear on long dotted or dashed runs.
const secretName = '(?<![A-Za-z0-9_])(?:[A-Za-z0-9]{1,32}[_.-]){0,4}(?:api|access|refresh|id|auth|session|client|private|app|secret)?[_-]?(?:key|token|secret|password|passwd|pwd|sig|signature|credentials?|auth|authorization|cookie|session(?:[_-]?id)?)s?(?![A-Za-z0-9_])';
const secretNamePattern = new RegExp(secretName, 'i');

const authSchemes = String.raw`\b(?:Bearer|Basic|Token|Digest|Negotiate|NTLM)`;
// A token68-like credential; a trailing "." is sentence punctuation, not part of it.
const credentialChars = '[A-Za-z0-9._~+/-]*[A-Za-z0-9_~+/-]=*';

// scheme://user:password@ in URLs anywhere in the text (a bounded scheme keeps the scan linear).
const userinfo = /\b([a-z][a-z0-9+.-]{0,31}:\/\/)[^\s/?#@"'<>\\]+@/gi;
// "password": "...", and the same escaped inside another JSON string (\"password\":\"...\"), whose
// value ends at the first \" before JSON punctuation; a string cut off by truncation (no closing
// quote) is redacted to the end.
const jsonPair = new RegExp(
  String.raw`(\\?"${secretName}\\?"\s*:\s*)(\\"[\s\S]*?(?:\\"(?=\s*[,}\]])|$)|"(?:[^"\\]|\\.)*(?:"|$)|-?\d[\d.eE+-]*)`,
  'gi',
);
// Header-like "Name: value": after an auth scheme the credential always goes; a cookie list
// (name=value; …) goes to the end of the line; otherwise one token, unless it is a plain word
// ("Invalid token: expired" is a message, not a credential).
const headerPair = new RegExp(
  String.raw`(${secretName}\s*:[ \t]*)(?:(${authSchemes}[ \t]+)([^\s"',;&\\]+)|([^\s"',;&\\=]+=[^\r\n"'\\]*)|([^\s"',;&\\]+))`,
  'gi',
);
// key=value in query strings, form bodies and logfmt, quoted or not. A quote followed by
// JSON punctuation is the end of the surrounding JSON string, not the start of a value.
const assignment = new RegExp(
  String.raw`(${secretName}\s*=\s*)("(?![\s,}\]:])[^"]*(?:"|$)|'(?![\s,}\]:])[^']*(?:'|$)|[^\s&"',;<>\\]+)`,
  'gi',
);
const schemeCredential = new RegExp(String.raw`(${authSchemes}[ \t]+)(${credentialChars})`, 'gi');
// Token shapes that are secrets wherever they appear: JWTs, Stripe, GitHub, Slack and AWS keys, PEM private keys.
const wellKnownTokens = [
  /\beyJ[A-Za-z0-9_-]{8,}(?:\.[A-Za-z0-9_-]*){0,2}/g,
  /\b[rsp]k_(?:live|test)_[A-Za-z0-9]{8,}/g,
  /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g,
  /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g,
  /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|$)/g,
];
// A long random-looking run shortly after a credential word: "api key sk_9f8e…", "token [\"AbC…".
const randomAfterName = new RegExp(
  String.raw`(${secretName}|\bbearer)([\s"':=\[{(,]{1,6})([A-Za-z0-9+/_.~-]{20,}=*)`,
  'gi',
);

// Every rule above needs one of these somewhere in the text; most span names and headers have
// none, so they skip the passes (a false positive only costs the passes).
const mayHoldSecret =
  /key|token|secret|passw|pwd|sig|credential|auth|cookie|session|bearer|basic|digest|negotiate|ntlm|eyJ|k_live_|k_test_|gh[pousr]_|github_pat_|xox[abprs]-|AKIA|ASIA|:\/\/[^\s/?#@]+@/i;

/** A short dictionary-looking word: what follows "Bearer"/"Token"/"key:" in prose, not a credential. */
function isPlainWord(value: string): boolean {
  return value.length < 20 && /^(?:[a-z]+|[A-Z][a-z]+|[A-Z]+)$/.test(value);
}

/** At least two of lower case, upper case and digits: a key, not a word or an id. */
function looksRandom(value: string): boolean {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((c) => c.test(value)).length;
  return classes >= 2;
}

/** Keeps the quotes (and their escaping) around a redacted quoted value. */
function redactQuoted(value: string): string {
  if (value.startsWith('\\"')) return `\\"${redactedMark}\\"`;
  const quote = value[0];
  return quote === '"' || quote === "'" ? `${quote}${redactedMark}${quote}` : redactedMark;
}

/**
 * `text` with credential values replaced by "[redacted]": auth schemes (`Bearer <token>`),
 * `key=`/`token=`/`secret=`/`password=`-style pairs in query, form, header and JSON syntax,
 * URL userinfo, well-known token shapes, and long random strings right after such words.
 * Names and ordinary text are kept, so `{"error":"Unauthorized"}` is unchanged. Idempotent.
 */
export function redactSecrets(text: string): string {
  if (!mayHoldSecret.test(text)) return text;
  let out = text
    .replace(userinfo, `$1${redactedMark}@`)
    .replace(jsonPair, (_m, name: string, value: string) => `${name}${/^-?\d/.test(value) ? `"${redactedMark}"` : redactQuoted(value)}`)
    .replace(headerPair, (m, name: string, scheme?: string, schemeValue?: string, cookies?: string, token?: string) => {
      if (scheme !== undefined && schemeValue !== undefined) return `${name}${scheme}${redactedMark}`;
      if (cookies !== undefined) return `${name}${redactedMark}`;
      return token !== undefined && !isPlainWord(token) ? `${name}${redactedMark}` : m;
    })
    .replace(assignment, (_m, name: string, value: string) => `${name}${redactQuoted(value)}`)
    .replace(schemeCredential, (m, scheme: string, value: string, offset: number, whole: string) => {
      // `Basic realm="api"` is an auth parameter, not a credential.
      const isParameter = value.endsWith('=') && whole[offset + m.length] === '"';
      return isPlainWord(value) || isParameter ? m : `${scheme}${redactedMark}`;
    });
  for (const pattern of wellKnownTokens) out = out.replace(pattern, redactedMark);
  return out.replace(randomAfterName, (m, name: string, gap: string, value: string) =>
    looksRandom(value) ? `${name}${gap}${redactedMark}` : m,
  );
}

// Wider than any credential a cut could leave unrecognised (a random run shorter than 20, a word).
const boundaryMargin = 256;

/**
 * redactSecrets of the first `scanChars` characters, for text whose end will be cut anyway:
 * a long body costs no more than `scanChars`. A secret cut in half at that boundary may no
 * longer look like one, so the last characters before it are dropped too.
 */
export function redactSecretsWithin(text: string, scanChars: number): string {
  if (text.length <= scanChars) return redactSecrets(text);
  return redactSecrets(text.slice(0, scanChars)).slice(0, -boundaryMargin);
}

/**
 * Whether an attribute or field name says its value is a credential (api_key, app.client_secret,
 * authorization, …). Only the last dot-separated segment counts: faultline.api_key.fingerprint is not one.
 */
export function isSecretName(name: string): boolean {
  return secretNamePattern.test(name.slice(name.lastIndexOf('.') + 1));
}
