import { describe, expect, it } from 'vitest';
import { createGroupCommitWriter } from './group-commit-writer';

interface Gate {
  promise: Promise<void>;
  open(): void;
}
function gate(): Gate {
  let open = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}
const turn = () => new Promise((resolve) => setImmediate(resolve));

/** A writer over numbers whose groups are recorded and held until `release()`d one by one. */
function recordingWriter(options: { maxGroupSize?: number; concurrency?: number; fails?: (n: number) => boolean; retryAlone?: boolean } = {}) {
  const groups: number[][] = [];
  const gates: Gate[] = [];
  const writer = createGroupCommitWriter<number, string>({
    async writeGroup(items) {
      groups.push(items);
      const g = gate();
      gates.push(g);
      await g.promise;
      if (items.some((n) => options.fails?.(n))) throw new Error(`group ${items.join(',')} failed`);
      return items.map((n) => `ok ${n}`);
    },
    sizeOf: (n) => n,
    maxGroupSize: options.maxGroupSize ?? 100,
    concurrency: options.concurrency ?? 1,
    retryAlone: () => options.retryAlone ?? true,
  });
  const releaseAll = async () => {
    for (let i = 0; i < 50; i++) {
      for (const g of gates) g.open();
      await turn();
    }
  };
  return { writer, groups, gates, releaseAll };
}

describe('createGroupCommitWriter', () => {
  it('writes the first item at once and the ones that arrive during a write together, next', async () => {
    const { writer, groups, gates, releaseAll } = recordingWriter();
    const first = writer.write(1);
    await turn();
    expect(groups).toEqual([[1]]);
    const later = [writer.write(2), writer.write(3), writer.write(4)];
    await turn();
    // Still one write at a time.
    expect(groups).toEqual([[1]]);
    expect(writer.queued).toBe(3);
    gates[0]!.open();
    await releaseAll();
    expect(groups).toEqual([[1], [2, 3, 4]]);
    expect(await first).toBe('ok 1');
    expect(await Promise.all(later)).toEqual(['ok 2', 'ok 3', 'ok 4']);
  });

  it('stops a group at maxGroupSize and writes an item larger than it alone', async () => {
    const { writer, groups, releaseAll } = recordingWriter({ maxGroupSize: 10 });
    const all = [writer.write(4), writer.write(5), writer.write(3), writer.write(25), writer.write(1)];
    await releaseAll();
    await Promise.all(all);
    expect(groups).toEqual([[4, 5], [3], [25], [1]]);
  });

  it('retries a failed group item by item, so only the failing item fails', async () => {
    const { writer, groups, releaseAll } = recordingWriter({ fails: (n) => n === 7 });
    const all = [1, 7, 2].map((n) => writer.write(n).catch((e: Error) => e.message));
    await releaseAll();
    expect(await Promise.all(all)).toEqual(['ok 1', 'group 7 failed', 'ok 2']);
    expect(groups).toEqual([[1, 7, 2], [1], [7], [2]]);
  });

  it('fails the whole group without retries when the database is unavailable', async () => {
    const { writer, groups, releaseAll } = recordingWriter({ fails: () => true, retryAlone: false });
    const all = [1, 2].map((n) => writer.write(n).catch((e: Error) => e.message));
    await releaseAll();
    expect(await Promise.all(all)).toEqual(['group 1,2 failed', 'group 1,2 failed']);
    expect(groups).toEqual([[1, 2]]);
  });

  it('runs up to `concurrency` groups at the same time', async () => {
    const { writer, groups, gates, releaseAll } = recordingWriter({ concurrency: 2 });
    const all = [writer.write(1), writer.write(2)];
    await turn();
    await turn();
    expect(groups).toEqual([[1, 2]]);
    all.push(writer.write(3));
    await turn();
    // The first slot is busy; the second takes the new item without waiting for it.
    expect(groups).toEqual([[1, 2], [3]]);
    expect(gates).toHaveLength(2);
    await releaseAll();
    expect(await Promise.all(all)).toEqual(['ok 1', 'ok 2', 'ok 3']);
  });
});
