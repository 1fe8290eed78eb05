// The one call an application makes: OpenTelemetry's Node SDK, set up to trace outbound calls
// to the API hosts with Faultline's attributes and export them to Faultline over OTLP/protobuf.
import { createRequire } from 'node:module';
import path from 'node:path';
import { context, propagation, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ApiCallAnnotator } from './api-call-annotator';
import { ErrorBodyCaptures } from './error-body-captures';
import { FaultlineSpanProcessor } from './faultline-span-processor';
import { createFetchInstrumentation, wrapFetch } from './instrument-fetch';
import { createHttpInstrumentation } from './instrument-http';
import { compileHostMatcher } from './match-api-host';
import { ResendTracker } from './resend-tracker';
import { parseTelemetryOptions, type TelemetryOptions, tracesUrlOf } from './telemetry-options';

export type { TelemetryOptions } from './telemetry-options';

export interface FaultlineTelemetry {
  /** Exports every finished span now (e.g. before a short-lived script exits). */
  forceFlush(): Promise<void>;
  /** Flushes, then undoes everything start did: instrumentation, fetch wrapper, globals. */
  shutdown(): Promise<void>;
}

// Error bodies usually arrive with the headers; this only bounds a slow or abandoned body.
const bodyWaitMs = 2000;

let running: FaultlineTelemetry | undefined;

// Patching http/https happens when they are next required; an ESM app that imported them
// before starting would otherwise keep unpatched functions until someone required them.
function patchLoadedHttpModules(): void {
  const requireFromCwd = createRequire(path.join(process.cwd(), 'faultline-instrument.js'));
  requireFromCwd('node:http');
  requireFromCwd('node:https');
}

/**
 * Starts tracing calls to `apiHosts` made with fetch or http/https. Call it before the
 * application makes API calls, once per process (the SDK registers process-wide globals).
 */
export function startFaultlineTelemetry(input: TelemetryOptions): FaultlineTelemetry {
  if (running) throw new Error('startFaultlineTelemetry: already started in this process; call shutdown() first');
  const options = parseTelemetryOptions(input);
  const exportUrl = tracesUrlOf(options.endpoint);
  const captures = new ErrorBodyCaptures();
  const annotator = new ApiCallAnnotator({
    isApiHost: compileHostMatcher(options.apiHosts),
    exportUrl,
    resends: new ResendTracker({ windowMs: options.resendWindowMs, maxEntries: 10_000 }),
    fingerprintSecret: options.fingerprintSecret,
    now: Date.now,
  });
  const hooks = {
    annotator,
    captures,
    captureErrorBodies: options.captureErrorBodies,
    maxErrorBodyBytes: options.maxErrorBodyBytes,
  };
  const exporter = new OTLPTraceExporter({
    url: exportUrl.toString(),
    headers: { authorization: `Bearer ${options.token}` },
  });
  const processor = new FaultlineSpanProcessor(
    new BatchSpanProcessor(exporter, {
      scheduledDelayMillis: options.exportDelayMs,
      maxExportBatchSize: 512,
      maxQueueSize: 8192,
    }),
    captures,
    { bodyWaitMs },
  );
  const instrumentations = [createHttpInstrumentation(hooks), createFetchInstrumentation(hooks)];
  const sdk = new NodeSDK({
    serviceName: options.serviceName,
    resource: resourceFromAttributes(
      options.environment ? { 'deployment.environment.name': options.environment } : {},
    ),
    // Only OTEL_RESOURCE_ATTRIBUTES: the process and host detectors would export the command
    // line, which is where keys passed as arguments live.
    resourceDetectors: [envDetector],
    spanProcessors: [processor],
    instrumentations,
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  patchLoadedHttpModules();
  const originalFetch = globalThis.fetch;
  const faultlineFetch = wrapFetch(originalFetch, hooks);
  globalThis.fetch = faultlineFetch;

  const telemetry: FaultlineTelemetry = {
    forceFlush: () => processor.forceFlush(),
    async shutdown() {
      if (globalThis.fetch === faultlineFetch) globalThis.fetch = originalFetch;
      for (const instrumentation of instrumentations) instrumentation.disable();
      await sdk.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
      if (running === telemetry) running = undefined;
    },
  };
  running = telemetry;
  return telemetry;
}
