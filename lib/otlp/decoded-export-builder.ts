// Owns turning validated span candidates into a DecodedExport, counting and explaining rejects.
import type { Attributes, DecodedExport, DecodedSpan } from './decoded-span';
import type { SpanCandidate } from './span-candidate';
import { type IdEncoding, validateSpan } from './validate-span';

/** Enough to show a sender what is wrong without echoing a whole batch back. */
const MAX_REJECT_REASONS = 5;

export interface SpanPosition {
  resourceIndex: number;
  scopeIndex: number;
  spanIndex: number;
}

export class DecodedExportBuilder {
  private readonly spans: DecodedSpan[] = [];
  private readonly reasons = new Set<string>();
  private rejected = 0;

  constructor(private readonly idEncoding: IdEncoding) {}

  add(
    candidate: SpanCandidate,
    position: SpanPosition,
    resource: Attributes,
    scopeName: string,
  ): void {
    const result = validateSpan(candidate, {
      idEncoding: this.idEncoding,
      location: () =>
        `resourceSpans[${position.resourceIndex}].scopeSpans[${position.scopeIndex}].spans[${position.spanIndex}]`,
      resource,
      scopeName,
    });
    if (result.ok) {
      this.spans.push(result.span);
      return;
    }
    this.rejected += 1;
    if (this.reasons.size < MAX_REJECT_REASONS) this.reasons.add(result.reason);
  }

  build(): DecodedExport {
    return { spans: this.spans, rejectedSpans: this.rejected, rejectReasons: [...this.reasons] };
  }
}
