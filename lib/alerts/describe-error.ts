// How the alert runner logs a failure: the message's first line, shortened. Nothing here ever
// carries a webhook URL (delivery outcomes are described without it).

export function describeError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const first = message.split('\n').find((line) => line.trim() !== '') ?? 'unknown error';
  return first.length > 300 ? `${first.slice(0, 300)}…` : first;
}
