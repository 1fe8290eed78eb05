// The response formats an API says it can produce, read from a 406 error body such as
// {"errors":{"format":["must be one of: json, vtt, srt, text"]}}.

const oneOf = /one of:?\s*(.+)$/i;

function messagesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(messagesOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(messagesOf);
  return [];
}

export function parseAcceptedFormats(body: string | null): string[] {
  if (!body) return [];
  let messages: string[];
  try {
    messages = messagesOf(JSON.parse(body));
  } catch {
    messages = [body];
  }
  for (const message of messages) {
    const match = oneOf.exec(message.trim());
    if (!match?.[1]) continue;
    const formats = match[1]
      .split(/,|\bor\b/)
      .map((f) => f.trim().replace(/^["'`]+|["'`.]+$/g, ''))
      .filter((f) => f.length > 0 && f.length <= 100);
    if (formats.length) return formats;
  }
  return [];
}
