// One fold pass: rebuilds the coarse rollups of every 10-minute bucket ingest marked, oldest
// first, in small transactions (see lib/db/queries/fold-dirty-buckets.ts for the SQL and why
// ingest defers this work).
import type { Database } from '@/lib/db/client';
import { foldDirtyBucket, listFoldableBuckets } from '@/lib/db/queries/fold-dirty-buckets';

export interface FoldOptions {
  nowMs: number;
  /** An open bucket is folded once it had no new calls for this long (closed ones after closedBucketQuietMs). */
  quietMs: number;
  /** Buckets looked at per pass. */
  limit?: number;
  /** Asked between buckets: true ends the pass there. */
  shouldStop?: () => boolean;
}

export interface FoldResult {
  /** Buckets rebuilt. */
  folded: number;
  /** Of those, buckets that got new calls during their fold and stay marked for the next pass. */
  changedMeanwhile: number;
}

export async function foldMarkedBuckets(db: Database, options: FoldOptions): Promise<FoldResult> {
  const buckets = await listFoldableBuckets(db, options.nowMs, options.quietMs, options.limit ?? 500);
  const result: FoldResult = { folded: 0, changedMeanwhile: 0 };
  for (const bucket of buckets) {
    if (options.shouldStop?.()) break;
    const unmarked = await foldDirtyBucket(db, bucket);
    result.folded += 1;
    if (!unmarked) result.changedMeanwhile += 1;
  }
  return result;
}

/** Folds everything marked, open buckets included (tests, scripts, the benchmark's generator). */
export async function foldAllMarkedBuckets(db: Database): Promise<number> {
  let total = 0;
  for (;;) {
    const { folded } = await foldMarkedBuckets(db, { nowMs: Date.now(), quietMs: 0 });
    if (folded === 0) return total;
    total += folded;
  }
}
