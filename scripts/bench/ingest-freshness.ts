// Freshness: how long after a span is handed to a stock OpenTelemetry exporter
// (OTLPTraceExporter, protobuf, behind a BatchSpanProcessor) the read API returns it.
// The clock starts at forceFlush(), the moment the processor gives the span to the exporter, and
// stops when GET /api/v1/requests, polled every 20 ms, lists it.
import { SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { percentile } from './ingest-senders';

export interface FreshnessResult {
  samples: number;
  p50Ms: number;
  maxMs: number;
  /** forceFlush() → the exporter's request answered (the span is committed by then). */
  ackP50Ms: number;
  /** Spans not visible within the timeout. */
  missing: number;
}

const pollEveryMs = 20;
const giveUpMs = 10_000;

async function isVisible(base: string, apiToken: string, fingerprint: string): Promise<boolean> {
  const from = new Date(Date.now() - 10 * 60_000).toISOString();
  const to = new Date(Date.now() + 10 * 60_000).toISOString();
  const url = `${base}/api/v1/requests?key=${encodeURIComponent(fingerprint)}&from=${from}&to=${to}&limit=1`;
  const res = await fetch(url, { headers: { Authorization: `Bearer ${apiToken}` } });
  if (res.status !== 200) throw new Error(`GET /api/v1/requests answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { requests: unknown[] };
  return body.requests.length > 0;
}

export async function measureFreshness(base: string, tokens: { ingest: string; api: string }, samples = 20): Promise<FreshnessResult> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'freshness-probe', 'deployment.environment.name': 'bench' }),
    // A long delay: only forceFlush() sends, so the clock starts exactly at the hand-over.
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${base}/v1/traces`, headers: { Authorization: `Bearer ${tokens.ingest}` } }),
        { scheduledDelayMillis: 600_000 },
      ),
    ],
  });
  const tracer = provider.getTracer('faultline-bench');
  const run = Date.now().toString(36);
  const visibleMs: number[] = [];
  const ackMs: number[] = [];
  let missing = 0;
  for (let i = 0; i < samples; i++) {
    const fingerprint = `fp_fresh_${run}_${i}`;
    tracer
      .startSpan('GET', {
        kind: SpanKind.CLIENT,
        attributes: {
          'http.request.method': 'GET',
          'url.full': 'https://cc1.voiso.com/api/v4/users',
          'server.address': 'cc1.voiso.com',
          'http.response.status_code': i % 2 === 0 ? 200 : 429,
          'faultline.api_key.fingerprint': fingerprint,
          'faultline.auth.scheme': 'bearer',
        },
      })
      .end();
    const t0 = performance.now();
    const flushed = provider.forceFlush().then(() => ackMs.push(performance.now() - t0));
    let seen = false;
    while (performance.now() - t0 < giveUpMs) {
      if (await isVisible(base, tokens.api, fingerprint)) {
        seen = true;
        break;
      }
      await new Promise((r) => setTimeout(r, pollEveryMs));
    }
    if (seen) visibleMs.push(performance.now() - t0);
    else missing += 1;
    await flushed;
  }
  await provider.shutdown();
  return {
    samples,
    p50Ms: Math.round(percentile(visibleMs, 50)),
    maxMs: Math.round(Math.max(...visibleMs)),
    ackP50Ms: Math.round(percentile(ackMs, 50)),
    missing,
  };
}
