// Chooses the transcript format from ?format= or the Accept header; null means 406.

export type TranscriptFormat = 'json' | 'vtt' | 'srt' | 'text';

export const transcriptFormats: readonly TranscriptFormat[] = ['json', 'vtt', 'srt', 'text'];

const formatByMediaType: Readonly<Record<string, TranscriptFormat>> = {
  '*/*': 'json',
  'application/*': 'json',
  'application/json': 'json',
  'text/vtt': 'vtt',
  'application/x-subrip': 'srt',
  'text/srt': 'srt',
  'text/plain': 'text',
  // Of the text formats, plain text is the one any text/* client can show as is.
  'text/*': 'text',
};

interface AcceptEntry {
  mediaType: string;
  q: number;
}

function parseAccept(header: string): AcceptEntry[] {
  return header
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.split(';').map((piece) => piece.trim());
      const qParam = params.find((param) => /^q\s*=/i.test(param));
      const qValue = qParam === undefined ? 1 : Number(qParam.slice(qParam.indexOf('=') + 1).trim());
      // A malformed q is read as the default rather than dropping a type the client asked for.
      const q = Number.isFinite(qValue) && qValue >= 0 && qValue <= 1 ? qValue : 1;
      return { mediaType: type.toLowerCase(), q };
    })
    .filter((entry) => entry.mediaType !== '');
}

function isTranscriptFormat(value: string): value is TranscriptFormat {
  return (transcriptFormats as readonly string[]).includes(value);
}

/**
 * An explicit ?format= wins over Accept. A missing or empty Accept means JSON; otherwise the
 * highest-q supported type wins, ties going to the one listed first, and q=0 rules a type out.
 */
export function negotiateTranscriptFormat(formatParam: string | null, accept: string | undefined): TranscriptFormat | null {
  if (formatParam !== null) return isTranscriptFormat(formatParam) ? formatParam : null;
  if (accept === undefined || accept.trim() === '') return 'json';
  // Array.prototype.sort is stable, so equal q keeps the client's order.
  const ranked = parseAccept(accept)
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const entry of ranked) {
    const format = formatByMediaType[entry.mediaType];
    if (format) return format;
  }
  return null;
}
