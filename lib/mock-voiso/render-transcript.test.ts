import { describe, expect, it } from 'vitest';
import { renderTranscript } from './render-transcript';
import type { TranscriptSegment } from './voiso-records';

const segments: TranscriptSegment[] = [
  { start: 0, end: 2.5, speaker: 'agent', text: 'Hello, Acme support.' },
  { start: 2.5, end: 3725.04, speaker: 'customer', text: 'Hi!' },
];

describe('renderTranscript', () => {
  it('renders JSON as { data: { call_id, segments } }', () => {
    const rendered = renderTranscript('c-1', segments, 'json');
    expect(rendered.contentType).toBe('application/json; charset=utf-8');
    expect(JSON.parse(rendered.body)).toEqual({ data: { call_id: 'c-1', segments } });
  });

  it('renders WebVTT with voice tags and dot milliseconds', () => {
    expect(renderTranscript('c-1', segments, 'vtt')).toEqual({
      contentType: 'text/vtt',
      body:
        'WEBVTT\n\n' +
        '00:00:00.000 --> 00:00:02.500\n<v agent>Hello, Acme support.\n\n' +
        '00:00:02.500 --> 01:02:05.040\n<v customer>Hi!\n',
    });
  });

  it('renders SubRip with numbered cues and comma milliseconds', () => {
    expect(renderTranscript('c-1', segments, 'srt')).toEqual({
      contentType: 'application/x-subrip',
      body: '1\n00:00:00,000 --> 00:00:02,500\nagent: Hello, Acme support.\n\n2\n00:00:02,500 --> 01:02:05,040\ncustomer: Hi!\n',
    });
  });

  it('renders plain text one line per segment', () => {
    expect(renderTranscript('c-1', segments, 'text')).toEqual({
      contentType: 'text/plain; charset=utf-8',
      body: '[00:00:00] agent: Hello, Acme support.\n[00:00:02] customer: Hi!\n',
    });
  });
});
