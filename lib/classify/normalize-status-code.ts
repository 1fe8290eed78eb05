// Turns whatever an SDK sent as the HTTP status (int, double, numeric string) into a code or null.
import type { AttributeValue } from '@/lib/otlp/decoded-span';
import type { StatusClass } from './classified-request';

/** A status code in 100-599 from an integer-valued number or numeric string (404, 404.0, "404"); else null. */
export function normalizeStatusCode(value: AttributeValue | undefined): number | null {
  let code: number | null = null;
  if (typeof value === 'number') code = value;
  else if (typeof value === 'string' && /^\s*\d+(\.0*)?\s*$/.test(value)) code = Number(value);
  if (code === null || !Number.isInteger(code) || code < 100 || code > 599) return null;
  return code;
}

/** '1xx'..'5xx' for a normalised status code, 'network' for 0 (no response). */
export function statusClassOf(statusCode: number): StatusClass {
  if (statusCode >= 500) return '5xx';
  if (statusCode >= 400) return '4xx';
  if (statusCode >= 300) return '3xx';
  if (statusCode >= 200) return '2xx';
  if (statusCode >= 100) return '1xx';
  return 'network';
}
