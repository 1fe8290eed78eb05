// Traces Node's fetch (undici) calls to the API: the undici instrumentation records the span,
// these hooks add Faultline's attributes, and a fetch wrapper reads error bodies from a clone.
import { context, createContextKey, type Span } from '@opentelemetry/api';
import { UndiciInstrumentation, type UndiciRequest, type UndiciResponse } from '@opentelemetry/instrumentation-undici';
import type { ApiCall, ApiCallAnnotator } from './api-call-annotator';
import type { ErrorBodyCaptures } from './error-body-captures';
import { decodeErrorBody, isCapturableBody, joinChunks } from './error-body-text';
import { requestHeaders, responseHeaders } from './recorded-headers';

export interface FetchHooksOptions {
  annotator: ApiCallAnnotator;
  captures: ErrorBodyCaptures;
  captureErrorBodies: boolean;
  maxErrorBodyBytes: number;
}

/** Per fetch() call: filled in by the undici hooks, read by the wrapper once fetch resolves. */
interface FetchSlot {
  call?: ApiCall;
  /** Set when the response headers asked for the body to be captured. */
  captureSpanId?: string;
}

const fetchSlotKey = createContextKey('faultline.fetch-slot');

/** Reads `name` from undici's request headers: `[k, v, k, v]` (undici 6) or `k: v\r\n` text (5). */
export function undiciRequestHeader(headers: UndiciRequest['headers'], name: string): string | undefined {
  const wanted = name.toLowerCase();
  if (typeof headers === 'string') {
    for (const line of headers.split('\r\n')) {
      const colon = line.indexOf(':');
      if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === wanted) return line.slice(colon + 1).trim();
    }
    return undefined;
  }
  for (let i = 0; i + 1 < headers.length; i += 2) {
    if (String(headers[i]).toLowerCase() !== wanted) continue;
    const value = headers[i + 1];
    return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

function undiciResponseHeader(response: UndiciResponse, name: string): string | undefined {
  for (let i = 0; i + 1 < response.headers.length; i += 2) {
    if (response.headers[i]?.toString().toLowerCase() === name) return response.headers[i + 1]?.toString();
  }
  return undefined;
}

export function createFetchInstrumentation(options: FetchHooksOptions): UndiciInstrumentation {
  const { annotator, captures } = options;
  const calls = new WeakMap<UndiciRequest, { call: ApiCall; slot?: FetchSlot }>();
  return new UndiciInstrumentation({
    ignoreRequestHook: (request) => !annotator.shouldTrace(request.origin, request.path),
    headersToSpanAttributes: { requestHeaders, responseHeaders },
    requestHook: (span: Span, request: UndiciRequest) => {
      const call = annotator.start({
        method: request.method,
        origin: request.origin,
        path: request.path,
        authorization: undiciRequestHeader(request.headers, 'authorization'),
      });
      span.setAttributes(call.attributes);
      // Redirects make one undici request per hop in the same fetch(); the last one answers.
      const slot = context.active().getValue(fetchSlotKey) as FetchSlot | undefined;
      if (slot) slot.call = call;
      calls.set(request, { call, slot });
    },
    responseHook: (span: Span, { request, response }) => {
      const entry = calls.get(request);
      if (!entry) return;
      annotator.finish(entry.call, response.statusCode, undiciResponseHeader(response, 'retry-after'));
      if (!options.captureErrorBodies || !entry.slot || response.statusCode < 400) return;
      if (!isCapturableBody(undiciResponseHeader(response, 'content-type'))) return;
      const spanId = span.spanContext().spanId;
      captures.expect(spanId);
      entry.slot.captureSpanId = spanId;
    },
  });
}

async function readPrefix(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size <= maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    // Cancelling our branch of the tee leaves the application's branch untouched.
    reader.cancel().catch(() => {});
  }
  return joinChunks(chunks, maxBytes);
}

/**
 * A fetch that behaves exactly like `original`, but after an error response whose body is
 * to be captured, reads at most `maxErrorBodyBytes` from a clone. The application's own
 * body stays unread; a 2xx body is never touched.
 */
export function wrapFetch(original: typeof fetch, options: FetchHooksOptions): typeof fetch {
  const { annotator, captures } = options;
  return async function faultlineFetch(input, init) {
    const slot: FetchSlot = {};
    let response: Response;
    try {
      response = await context.with(context.active().setValue(fetchSlotKey, slot), () => original(input, init));
    } catch (error) {
      // No response: the undici hooks saw no status, so record the failed attempt here.
      if (slot.call) annotator.finish(slot.call, undefined);
      throw error;
    }
    const spanId = slot.captureSpanId;
    if (spanId) {
      const clone = response.body ? response.clone().body : null;
      if (!clone) captures.resolve(spanId, null);
      else
        readPrefix(clone, options.maxErrorBodyBytes).then(
          (bytes) => captures.resolve(spanId, decodeErrorBody(bytes, options.maxErrorBodyBytes)),
          () => captures.resolve(spanId, null),
        );
    }
    return response;
  };
}
