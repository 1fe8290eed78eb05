// One delivery attempt: a JSON POST with a hard timeout. The outcome is described in our own
// words (status code, timeout, connection error code), never with the URL, whose query string
// may hold a secret.

export interface WebhookOutcome {
  ok: boolean;
  httpStatus: number | null;
  error: string | null;
  /** Worth another attempt later (server errors, throttling, timeouts, network failures). */
  retryable: boolean;
}

// Client errors other than these will not change by retrying the same body.
const retryableClientStatuses = new Set([408, 425, 429]);

function networkError(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return `no answer within ${timeoutMs} ms`;
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  return code ? `connection failed (${code})` : 'connection failed';
}

export async function postAlertWebhook(url: string, body: string, timeoutMs: number): Promise<WebhookOutcome> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Faultline-Alerts' },
      body,
      // A redirect would resend the notification somewhere the rule never named.
      redirect: 'manual',
      signal,
    });
    // The answer's body is not used; drop it so the connection is freed.
    await res.body?.cancel().catch(() => undefined);
    if (res.status >= 200 && res.status < 300) return { ok: true, httpStatus: res.status, error: null, retryable: false };
    const retryable = res.status >= 500 || retryableClientStatuses.has(res.status);
    const error = res.status >= 300 && res.status < 400 ? `redirected (HTTP ${res.status})` : `HTTP ${res.status}`;
    return { ok: false, httpStatus: res.status, error, retryable };
  } catch (err) {
    return { ok: false, httpStatus: null, error: networkError(err, timeoutMs), retryable: true };
  }
}
