// The Accept value that asks for a format an API names by a short word ("vtt" → text/vtt).

const mediaTypes: Readonly<Record<string, string>> = {
  json: 'application/json',
  vtt: 'text/vtt',
  srt: 'application/x-subrip',
  text: 'text/plain',
  txt: 'text/plain',
  csv: 'text/csv',
  xml: 'application/xml',
  html: 'text/html',
  pdf: 'application/pdf',
};

/** The media type for a format word; the word itself when it already is one, or is unknown. */
export function formatMediaType(format: string): string {
  return format.includes('/') ? format : (mediaTypes[format.toLowerCase()] ?? format);
}
