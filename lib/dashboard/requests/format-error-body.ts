// The captured provider error body as the detail drawer shows it: JSON indented for reading,
// anything else (plain text, HTML, a body cut at 4 KiB) exactly as stored.

export interface FormattedErrorBody {
  text: string;
  /** True when the body parsed as a JSON object or array and was re-indented. */
  json: boolean;
}

export function formatErrorBody(body: string | null): FormattedErrorBody | null {
  if (body === null || body === '') return null;
  const trimmed = body.trim();
  // Only objects and arrays gain from indenting; a bare "string" or number stays as sent.
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return { text: JSON.stringify(JSON.parse(trimmed), null, 2), json: true };
    } catch {
      // Not JSON after all (or truncated): fall through to the raw text.
    }
  }
  return { text: body, json: false };
}
