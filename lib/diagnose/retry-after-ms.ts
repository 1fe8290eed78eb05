// How long a Retry-After header asked the client to wait, from the end of the response it came
// with: delay-seconds or an HTTP date. Null when absent or unreadable.

export function retryAfterMs(value: string | null, responseEndMs: number): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - responseEndMs);
}
