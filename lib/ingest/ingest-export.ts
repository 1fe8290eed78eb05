// Stores one classified OTLP export: its HTTP client calls in one batch, and why spans were
// dropped, and says what the OTLP response must report.
import type { Database } from '@/lib/db/client';
import { recordIngestRejection } from '@/lib/db/record-ingest-rejection';
import { saveRequestBatch } from '@/lib/db/save-request-batch';
import type { ClassifiedExport } from './classify-export';

export interface IngestOutcome {
  received: number;
  stored: number;
  duplicates: number;
  ignored: number;
  rejected: number;
  /** For the OTLP partialSuccess.errorMessage; '' when nothing was rejected. */
  rejectMessage: string;
}

export async function storeClassifiedExport(db: Database, classified: ClassifiedExport, receivedMs = Date.now()): Promise<IngestOutcome> {
  const { requests, tally } = classified;
  const saved = await saveRequestBatch(db, requests, tally, receivedMs);
  const rejectMessage = classified.rejectReasons.join('; ');
  if (tally.rejected > 0) {
    await recordIngestRejection(db, { reason: rejectMessage, spans: tally.rejected, wholeRequest: false }, receivedMs);
  }
  return { ...tally, ...saved, rejectMessage };
}
