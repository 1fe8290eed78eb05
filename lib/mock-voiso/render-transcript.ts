// Serialises a call transcript as JSON, WebVTT, SubRip or plain text, with the matching content type.
import { jsonContentType } from './mock-response';
import type { TranscriptFormat } from './negotiate-transcript-format';
import type { TranscriptSegment } from './voiso-records';

export interface RenderedTranscript {
  contentType: string;
  body: string;
}

const contentTypes: Readonly<Record<TranscriptFormat, string>> = {
  json: jsonContentType,
  vtt: 'text/vtt',
  srt: 'application/x-subrip',
  text: 'text/plain; charset=utf-8',
};

function clock(seconds: number, millisecondSeparator: '.' | ','): string {
  const totalMs = Math.round(seconds * 1000);
  const pad = (value: number, width: number): string => String(value).padStart(width, '0');
  const hours = Math.floor(totalMs / 3_600_000);
  const minutes = Math.floor(totalMs / 60_000) % 60;
  const secs = Math.floor(totalMs / 1000) % 60;
  return `${pad(hours, 2)}:${pad(minutes, 2)}:${pad(secs, 2)}${millisecondSeparator}${pad(totalMs % 1000, 3)}`;
}

function renderBody(callId: string, segments: readonly TranscriptSegment[], format: TranscriptFormat): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ data: { call_id: callId, segments } });
    case 'vtt':
      return `WEBVTT\n\n${segments
        .map((s) => `${clock(s.start, '.')} --> ${clock(s.end, '.')}\n<v ${s.speaker}>${s.text}\n`)
        .join('\n')}`;
    case 'srt':
      return segments
        .map((s, i) => `${i + 1}\n${clock(s.start, ',')} --> ${clock(s.end, ',')}\n${s.speaker}: ${s.text}\n`)
        .join('\n');
    case 'text':
      return segments.map((s) => `[${clock(s.start, '.').slice(0, 8)}] ${s.speaker}: ${s.text}\n`).join('');
  }
}

export function renderTranscript(
  callId: string,
  segments: readonly TranscriptSegment[],
  format: TranscriptFormat,
): RenderedTranscript {
  return { contentType: contentTypes[format], body: renderBody(callId, segments, format) };
}
