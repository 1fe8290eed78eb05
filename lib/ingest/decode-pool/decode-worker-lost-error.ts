// Owns the error for a decode job whose worker thread died under it (the route answers 503).

/**
 * The body itself may be fine (the worker may have been killed, or run out of memory), so the
 * sender is told to retry rather than that its request was bad.
 */
export class DecodeWorkerLostError extends Error {
  constructor(detail: string) {
    super(`The ingest decoder stopped while handling this request (${detail}); nothing was stored. Retry later.`);
    this.name = 'DecodeWorkerLostError';
  }
}
