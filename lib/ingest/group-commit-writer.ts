// Owns group commit for ingest writes: export requests that arrive while a write is running
// wait for it to finish and are then written together in one transaction. With SQLite one
// connection writes at a time anyway, so waiting costs nothing, and one transaction for several
// exports pays the commit, the statements and the rollup upserts (rows of the same minute,
// endpoint and key merge) once instead of per export. Each request is still answered only
// after its own rows are committed.

export interface GroupCommitWriter<Item, Result> {
  /** Resolves when `item` is committed (with whatever group it joined); rejects if it was not. */
  write(item: Item): Promise<Result>;
  /** Items waiting for a write slot. */
  readonly queued: number;
}

export interface GroupCommitOptions<Item, Result> {
  /** Writes the items in one transaction; one result per item, in order. */
  writeGroup(items: Item[]): Promise<Result[]>;
  /** The size of an item (e.g. its span count), for `maxGroupSize`. */
  sizeOf(item: Item): number;
  /** A group stops growing past this size (an item larger than it is written alone). */
  maxGroupSize: number;
  /** Groups written at the same time: 1 for SQLite (one writer); more for a server database. */
  concurrency: number;
  /**
   * Whether a failed group is worth retrying item by item: true unless the database itself is
   * unavailable. So one export that fails (a bug, a constraint) fails alone, not its neighbours.
   */
  retryAlone(error: unknown): boolean;
}

interface Pending<Item, Result> {
  item: Item;
  resolve(result: Result): void;
  reject(error: unknown): void;
}

export function createGroupCommitWriter<Item, Result>(options: GroupCommitOptions<Item, Result>): GroupCommitWriter<Item, Result> {
  const queue: Pending<Item, Result>[] = [];
  let running = 0;
  /** Slots waiting for their turn, each about to take a group. */
  let scheduled = 0;

  function takeGroup(): Pending<Item, Result>[] {
    const group: Pending<Item, Result>[] = [];
    let size = 0;
    while (queue.length > 0) {
      const next = queue[0]!;
      const nextSize = options.sizeOf(next.item);
      if (group.length > 0 && size + nextSize > options.maxGroupSize) break;
      group.push(queue.shift()!);
      size += nextSize;
    }
    return group;
  }

  async function writeGroup(group: Pending<Item, Result>[]): Promise<void> {
    try {
      const results = await options.writeGroup(group.map((p) => p.item));
      for (const [i, p] of group.entries()) p.resolve(results[i]!);
    } catch (error) {
      if (group.length === 1 || !options.retryAlone(error)) {
        for (const p of group) p.reject(error);
        return;
      }
      for (const p of group) {
        await options.writeGroup([p.item]).then(
          ([result]) => p.resolve(result!),
          (err: unknown) => p.reject(err),
        );
      }
    }
  }

  // A slot takes its group one event-loop turn after it frees up (or after the first item
  // arrives): a synchronous SQLite write holds the thread, so the requests that arrived during
  // it are still in the event queue, and the turn lets them join instead of waiting a round.
  function pump(): void {
    while (running < options.concurrency && queue.length > scheduled) {
      running += 1;
      scheduled += 1;
      setImmediate(() => {
        scheduled -= 1;
        const group = takeGroup();
        const done = group.length === 0 ? Promise.resolve() : writeGroup(group);
        void done.finally(() => {
          running -= 1;
          pump();
        });
      });
    }
  }

  return {
    write(item) {
      return new Promise<Result>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        pump();
      });
    },
    get queued() {
      return queue.length;
    },
  };
}
