// Reduces a provider's error body to short, groupable error keys such as "name: is missing".
import { reasonPhrase } from './reason-phrase';

export const maxErrorKeys = 20;
export const maxErrorKeyLength = 200;
// Nested per-field objects ({"address":{"city":[...]}}) are followed this deep, as "address.city".
const maxFieldDepth = 3;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accumulates normalised, distinct keys and silently stops at the cap. */
class KeyList {
  readonly keys: string[] = [];
  private readonly seen = new Set<string>();

  get full(): boolean {
    return this.keys.length >= maxErrorKeys;
  }

  add(raw: string): void {
    if (this.full) return;
    // Newlines and runs of spaces would make otherwise identical keys group apart.
    let key = raw.replace(/\s+/g, ' ').trim();
    if (key.length > maxErrorKeyLength) {
      key = key.slice(0, maxErrorKeyLength);
      // Never leave half a surrogate pair behind.
      if (/[\uD800-\uDBFF]$/.test(key)) key = key.slice(0, -1);
      key = key.trimEnd();
    }
    if (key === '' || this.seen.has(key)) return;
    this.seen.add(key);
    this.keys.push(key);
  }
}

function hasStringMessage(value: Json): value is JsonObject & { message: string } {
  return isObject(value) && typeof value.message === 'string';
}

/** A message as text: strings as sent, {message} objects by their message, anything else as compact JSON. */
function messageText(value: Json): string {
  if (typeof value === 'string') return value;
  if (value === null) return '';
  if (hasStringMessage(value)) return value.message;
  return JSON.stringify(value);
}

function addFieldMessage(list: KeyList, field: string, message: string): void {
  list.add(message.trim() === '' ? field : `${field}: ${message}`);
}

function addField(list: KeyList, field: string, value: Json, depth: number): void {
  if (Array.isArray(value)) {
    if (value.length === 0) list.add(field);
    for (const item of value) addFieldMessage(list, field, messageText(item));
  } else if (isObject(value) && !hasStringMessage(value) && depth < maxFieldDepth) {
    for (const [sub, subValue] of Object.entries(value)) addField(list, `${field}.${sub}`, subValue, depth + 1);
  } else {
    addFieldMessage(list, field, messageText(value));
  }
}

/** `errors` as a field map, a list of messages or {field?, message} objects, or a single string. */
function addErrors(list: KeyList, errors: Json | undefined): void {
  if (typeof errors === 'string') {
    list.add(errors);
  } else if (Array.isArray(errors)) {
    for (const item of errors) {
      const field = isObject(item) ? (item.field ?? item.path) : undefined;
      if (typeof field === 'string' && field !== '') addFieldMessage(list, field, messageText(item));
      else list.add(messageText(item));
    }
  } else if (isObject(errors)) {
    for (const [field, value] of Object.entries(errors)) addField(list, field, value, 1);
  }
}

function parseObject(body: string | null): JsonObject | null {
  const text = body?.trim() ?? '';
  if (!text.startsWith('{')) return null;
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

function keysFromBody(body: string | null): string[] {
  const parsed = parseObject(body);
  if (parsed === null) return [];
  // Per-field keys say more than the summary string, so they win when both are present.
  const perField = new KeyList();
  addErrors(perField, parsed.errors);
  if (perField.keys.length > 0) return perField.keys;
  for (const candidate of [parsed.error, parsed.message]) {
    if (candidate === undefined || candidate === null) continue;
    const summary = new KeyList();
    summary.add(messageText(candidate));
    if (summary.keys.length > 0) return summary.keys;
  }
  return [];
}

/**
 * Error keys of a response: [] below 400; else the keys the JSON body names (at most 20, each
 * at most 200 chars, distinct, in body order), or the code's reason phrase when it names none.
 */
export function parseErrorKeys(statusCode: number, body: string | null): string[] {
  if (statusCode < 400) return [];
  const keys = keysFromBody(body);
  return keys.length > 0 ? keys : [reasonPhrase(statusCode)];
}
