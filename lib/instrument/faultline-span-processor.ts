// Exports only outbound API calls, after their error body has been read, through a batch processor.
import { type Context, SpanKind } from '@opentelemetry/api';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { ErrorBodyCaptures } from './error-body-captures';
import { exportableSpan } from './exportable-span';

const authSchemeAttribute = 'faultline.auth.scheme';

export interface FaultlineSpanProcessorOptions {
  /** How long a span may wait, after it ended, for its error body to finish reading. */
  bodyWaitMs: number;
}

/**
 * Wraps the exporting processor. Spans that are not API calls traced by Faultline's hooks
 * (server spans, framework internals, other clients) are dropped: Faultline is about outbound calls, and a dashboard tracing itself
 * must never feed its own ingest requests back into its ingest.
 */
export class FaultlineSpanProcessor implements SpanProcessor {
  private readonly waiting = new Set<Promise<void>>();

  constructor(
    private readonly exporting: SpanProcessor,
    private readonly captures: ErrorBodyCaptures,
    private readonly options: FaultlineSpanProcessorOptions,
  ) {}

  onStart(_span: Span, _parentContext: Context): void {}

  onEnd(span: ReadableSpan): void {
    // Only calls our hooks annotated: other libraries' CLIENT spans (Next.js traces its own
    // fetches, for one) are not calls to the API.
    if (span.kind !== SpanKind.CLIENT || span.attributes[authSchemeAttribute] === undefined) return;
    const spanId = span.spanContext().spanId;
    if (!this.captures.isExpected(spanId)) {
      this.exporting.onEnd(exportableSpan(span));
      return;
    }
    const forwarded = this.captures
      .take(spanId, this.options.bodyWaitMs)
      .then((body) => this.exporting.onEnd(exportableSpan(span, body)))
      .finally(() => this.waiting.delete(forwarded));
    this.waiting.add(forwarded);
  }

  async forceFlush(): Promise<void> {
    await Promise.all(this.waiting);
    await this.exporting.forceFlush();
  }

  async shutdown(): Promise<void> {
    await Promise.all(this.waiting);
    await this.exporting.shutdown();
  }
}
