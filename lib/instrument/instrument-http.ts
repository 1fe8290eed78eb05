// Traces http/https client calls to the API: the http instrumentation records the span, these
// hooks add Faultline's attributes and copy the error body as the application reads it.
import { errorMonitor } from 'node:events';
import type { ClientRequest, IncomingMessage, RequestOptions } from 'node:http';
import type { Span } from '@opentelemetry/api';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import type { ApiCall, ApiCallAnnotator } from './api-call-annotator';
import type { ErrorBodyCaptures } from './error-body-captures';
import { decodeErrorBody, isCapturableBody, joinChunks } from './error-body-text';
import { requestHeaders, responseHeaders } from './recorded-headers';

export interface HttpHooksOptions {
  annotator: ApiCallAnnotator;
  captures: ErrorBodyCaptures;
  captureErrorBodies: boolean;
  maxErrorBodyBytes: number;
}

/** `scheme://host[:port]` of a request, from the options the http instrumentation parsed. */
export function originOf(options: RequestOptions): string {
  const scheme = options.protocol === 'https:' ? 'https:' : 'http:';
  const defaultPort = scheme === 'https:' ? '443' : '80';
  // `host` may carry its own port ("example.com:8080") when `hostname` is absent.
  const hostField = options.hostname ?? options.host ?? 'localhost';
  const hostPort = !options.hostname && /^[^:[\]]+:\d+$/.test(hostField) ? hostField.split(':') : [hostField];
  const hostname = hostPort[0] ?? 'localhost';
  const bracketed = hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname;
  const port = options.port ?? hostPort[1] ?? options.defaultPort ?? defaultPort;
  const portText = String(port) === '' ? defaultPort : String(port);
  return `${scheme}//${bracketed}${portText === defaultPort ? '' : `:${portText}`}`;
}

function headerText(value: number | string | string[] | undefined): string | undefined {
  if (value === undefined) return undefined;
  return Array.isArray(value) ? value[0] : String(value);
}

/**
 * Copies up to `maxBytes` of what the application reads from `response`, without reading
 * anything itself: wrapping `emit` sees every 'data' chunk (flowing mode, read() and async
 * iteration all emit it) and leaves flow control to the application.
 */
function copyBodyAsRead(response: IncomingMessage, maxBytes: number, done: (bytes: Uint8Array | null) => void): void {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let finished = false;
  const finish = (complete: boolean) => {
    if (finished) return;
    finished = true;
    response.emit = originalEmit;
    done(complete || size > 0 ? joinChunks(chunks, maxBytes) : null);
  };
  const originalEmit = response.emit;
  response.emit = function emitAndCopy(this: IncomingMessage, event: string | symbol, ...args: unknown[]) {
    if (event === 'data' && size <= maxBytes) {
      const chunk = args[0];
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Uint8Array);
      chunks.push(bytes);
      size += bytes.length;
      if (size > maxBytes) finish(true);
    } else if (event === 'end') finish(true);
    else if (event === 'close' || event === 'error') finish(false);
    return originalEmit.call(this, event, ...args);
  } as IncomingMessage['emit'];
}

export function createHttpInstrumentation(options: HttpHooksOptions): HttpInstrumentation {
  const { annotator, captures } = options;
  const calls = new WeakMap<Span, ApiCall>();
  // The instrumentation calls startOutgoingSpanHook and then requestHook synchronously for the
  // same request, so the origin seen by the first can be handed to the second without a map.
  let startingOrigin = '';
  return new HttpInstrumentation({
    // Faultline traces outbound calls only; a server's own incoming requests are not its concern.
    disableIncomingRequestInstrumentation: true,
    ignoreOutgoingRequestHook: (request) => !annotator.shouldTrace(originOf(request), request.path ?? '/'),
    startOutgoingSpanHook: (request) => {
      startingOrigin = originOf(request);
      return {};
    },
    headersToSpanAttributes: { client: { requestHeaders, responseHeaders } },
    requestHook: (span, request) => {
      const outgoing = request as ClientRequest;
      // Headers passed in the request options are set by now (later setHeader calls are not).
      const call = annotator.start({
        method: outgoing.method,
        origin: startingOrigin,
        path: outgoing.path,
        authorization: headerText(outgoing.getHeader('authorization')),
      });
      span.setAttributes(call.attributes);
      calls.set(span, call);
      outgoing.on(errorMonitor, () => annotator.finish(call, undefined));
    },
    responseHook: (span, response) => {
      const incoming = response as IncomingMessage;
      const call = calls.get(span);
      if (!call) return;
      annotator.finish(call, incoming.statusCode, headerText(incoming.headers['retry-after']));
      const status = incoming.statusCode ?? 0;
      if (!options.captureErrorBodies || status < 400) return;
      if (!isCapturableBody(headerText(incoming.headers['content-type']), headerText(incoming.headers['content-encoding'])))
        return;
      const spanId = span.spanContext().spanId;
      captures.expect(spanId);
      copyBodyAsRead(incoming, options.maxErrorBodyBytes, (bytes) =>
        captures.resolve(spanId, bytes ? decodeErrorBody(bytes, options.maxErrorBodyBytes) : null),
      );
    },
  });
}
