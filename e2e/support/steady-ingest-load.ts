// A steady stream of OTLP/JSON exports to /v1/traces from a few senders, each export one trace
// of a few HTTP client spans, every answer recorded with its timing, so a test can say what was
// acknowledged (and must be stored) and how the server answered while something was broken.
import { randomBytes } from 'node:crypto';

export interface ExportResult {
  traceId: string;
  /** HTTP status, or 'timeout' / 'network' when no answer came. */
  status: number | 'timeout' | 'network';
  retryAfter: string | null;
  startedAt: number;
  endedAt: number;
}

export interface SteadyLoad {
  readonly results: readonly ExportResult[];
  /** Stops sending and waits for the exports in flight. */
  stop(): Promise<void>;
}

export const spansPerExport = 8;
const statuses = [200, 200, 200, 401, 403, 429, 200, 422];

export function exportBody(traceId: string): string {
  const startNs = BigInt(Date.now() - 1000) * 1_000_000n;
  const attr = (key: string, value: Record<string, string>) => ({ key, value });
  const spans = statuses.slice(0, spansPerExport).map((status, i) => ({
    traceId,
    spanId: randomBytes(8).toString('hex'),
    name: 'GET',
    kind: 3,
    startTimeUnixNano: String(startNs + BigInt(i) * 1_000_000n),
    endTimeUnixNano: String(startNs + BigInt(i) * 1_000_000n + 5_000_000n),
    attributes: [
      attr('http.request.method', { stringValue: 'GET' }),
      attr('http.response.status_code', { intValue: String(status) }),
      attr('url.full', { stringValue: `https://cc1.voiso.com/api/v4/outage/${i % 3}` }),
      attr('faultline.api_key.fingerprint', { stringValue: `fp_outage${i % 2}` }),
      ...(status >= 400 ? [attr('faultline.error.body', { stringValue: `{"error":"status ${status}"}` })] : []),
    ],
  }));
  return JSON.stringify({
    resourceSpans: [{ resource: { attributes: [attr('service.name', { stringValue: 'outage-load' })] }, scopeSpans: [{ spans }] }],
  });
}

/** Sends one export; never throws. */
export async function sendExport(url: string, token: string, timeoutMs: number): Promise<ExportResult> {
  const traceId = randomBytes(16).toString('hex');
  const startedAt = Date.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: exportBody(traceId),
      signal: AbortSignal.timeout(timeoutMs),
    });
    await res.arrayBuffer();
    return { traceId, status: res.status, retryAfter: res.headers.get('retry-after'), startedAt, endedAt: Date.now() };
  } catch (err) {
    const status = err instanceof Error && err.name === 'TimeoutError' ? 'timeout' : 'network';
    return { traceId, status, retryAfter: null, startedAt, endedAt: Date.now() };
  }
}

/** `senders` loops, each sending one export every `everyMs` (or as soon as the last one answered). */
export function startSteadyLoad(options: { url: string; token: string; senders: number; everyMs: number; timeoutMs: number }): SteadyLoad {
  const results: ExportResult[] = [];
  let stopped = false;
  const sender = async () => {
    while (!stopped) {
      const result = await sendExport(options.url, options.token, options.timeoutMs);
      results.push(result);
      const pause = options.everyMs - (result.endedAt - result.startedAt);
      // Pacing of the load, not a wait for a condition.
      if (pause > 0 && !stopped) await new Promise((r) => setTimeout(r, pause));
    }
  };
  const running = Array.from({ length: options.senders }, sender);
  return {
    results,
    async stop() {
      stopped = true;
      await Promise.all(running);
    },
  };
}
