// The hand-off between the code that reads an error body and the span processor that exports
// the span: the span may end before, during or after the body is read.

type CapturedBody = string | null;

interface PendingCapture {
  promise: Promise<CapturedBody>;
  resolve: (body: CapturedBody) => void;
}

/**
 * Error bodies expected or read, by span id. `expect` is called when the response headers
 * say a body is worth reading; `resolve` when it has been read (null: nothing usable);
 * `take` by the exporter side, which waits at most `timeoutMs` for it.
 */
export class ErrorBodyCaptures {
  private readonly pending = new Map<string, PendingCapture>();

  constructor(private readonly maxPending = 10_000) {}

  expect(spanId: string): void {
    if (this.pending.has(spanId)) return;
    let resolve!: (body: CapturedBody) => void;
    const promise = new Promise<CapturedBody>((r) => {
      resolve = r;
    });
    this.pending.set(spanId, { promise, resolve });
    // A span that never ends would otherwise pin its entry forever.
    if (this.pending.size > this.maxPending) {
      const oldest = this.pending.keys().next().value;
      if (oldest !== undefined) this.forget(oldest);
    }
  }

  isExpected(spanId: string): boolean {
    return this.pending.has(spanId);
  }

  resolve(spanId: string, body: CapturedBody): void {
    this.pending.get(spanId)?.resolve(body);
  }

  /** The body for a span that has ended; undefined when none was expected. Forgets the entry. */
  async take(spanId: string, timeoutMs: number): Promise<CapturedBody | undefined> {
    const entry = this.pending.get(spanId);
    if (!entry) return undefined;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((r) => {
      timer = setTimeout(() => r(null), timeoutMs);
      timer.unref();
    });
    try {
      return await Promise.race([entry.promise, timeout]);
    } finally {
      clearTimeout(timer);
      this.pending.delete(spanId);
    }
  }

  private forget(spanId: string): void {
    this.pending.get(spanId)?.resolve(null);
    this.pending.delete(spanId);
  }
}
