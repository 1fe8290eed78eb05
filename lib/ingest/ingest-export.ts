// Stores one classified OTLP export: its HTTP client calls (through the process's group-commit
// writer, so exports arriving together share a transaction), and why spans were dropped; says
// what the OTLP response must report.
import type { Database } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/is-database-unavailable';
import { recordIngestRejection } from '@/lib/db/record-ingest-rejection';
import { type ExportToSave, type SaveResult, saveRequestBatches } from '@/lib/db/save-request-batch';
import { currentFoldFromMinute } from '@/lib/retention/minute-rollup-horizon';
import type { ClassifiedExport } from './classify-export';
import { createGroupCommitWriter, type GroupCommitWriter } from './group-commit-writer';

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
  const saved = await writerFor(db).write({ requests, tally, receivedMs });
  const rejectMessage = classified.rejectReasons.join('; ');
  if (tally.rejected > 0) {
    await recordIngestRejection(db, { reason: rejectMessage, spans: tally.rejected, wholeRequest: false }, receivedMs);
  }
  return { ...tally, ...saved, rejectMessage };
}

// Eight 512-span exports: big enough to share the commit and the rollup rows, small enough that
// one transaction stays in the tens of milliseconds.
const maxSpansPerTransaction = 4_096;
const writers = new WeakMap<Database, GroupCommitWriter<ExportToSave, SaveResult>>();

function writerFor(db: Database): GroupCommitWriter<ExportToSave, SaveResult> {
  let writer = writers.get(db);
  if (!writer) {
    writer = createGroupCommitWriter({
      writeGroup: (exports) => saveRequestBatches(db, exports, { foldFromMinute: currentFoldFromMinute() }),
      sizeOf: (e) => e.requests.length,
      maxGroupSize: maxSpansPerTransaction,
      // SQLite has one writer; PostgreSQL's row locks on shared rollup rows serialise most of
      // the work too, so two groups at a time keep its pool busy without queueing on locks.
      concurrency: db.target.provider === 'sqlite' ? 1 : 2,
      retryAlone: (error) => !isDatabaseUnavailable(error),
    });
    writers.set(db, writer);
  }
  return writer;
}
