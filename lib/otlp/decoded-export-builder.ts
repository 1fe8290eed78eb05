// Owns turning validated span candidates into a DecodedExport, counting and explaining rejects.
import type { Attributes, DecodedExport, DecodedSpan } from './decoded-span';
import type { SpanCandidate } from './span-candidate';
import { type IdEncoding, validateSpan } from './validate-span';
import { wellFormedAttributes, wellFormedText } from './well-formed-text';

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
  /** Spans of one resource arrive together: repair its attributes once, not once per span. */
  private lastResource: { given: Attributes; repaired: Attributes } | null = null;

  constructor(private readonly idEncoding: IdEncoding) {}

  add(
    candidate: SpanCandidate,
    position: SpanPosition,
    resource: Attributes,
    scopeName: string,
  ): void {
    if (this.lastResource?.given !== resource) this.lastResource = { given: resource, repaired: wellFormedAttributes(resource) };
    const name = wellFormedText(candidate.name);
    const attributes = wellFormedAttributes(candidate.attributes);
    // Both come back as they were unless something needed repair: then no copy is needed either.
    const storable = name === candidate.name && attributes === candidate.attributes ? candidate : { ...candidate, name, attributes };
    const result = validateSpan(storable, {
      idEncoding: this.idEncoding,
      location: () =>
        `resourceSpans[${position.resourceIndex}].scopeSpans[${position.scopeIndex}].spans[${position.spanIndex}]`,
      resource: this.lastResource.repaired,
      scopeName: wellFormedText(scopeName),
    });
    if (result.ok) {
      this.spans.push(result.span);
      return;
    }
    this.rejected += 1;
    // A reason quotes what was sent (cut short, maybe inside a surrogate pair) and is stored.
    if (this.reasons.size < MAX_REJECT_REASONS) this.reasons.add(wellFormedText(result.reason));
  }

  build(): DecodedExport {
    return { spans: this.spans, rejectedSpans: this.rejected, rejectReasons: [...this.reasons] };
  }
}
