import { describe, expect, it } from 'vitest';
import { negotiateTranscriptFormat } from './negotiate-transcript-format';

describe('negotiateTranscriptFormat', () => {
  it.each([
    [undefined, 'json'],
    ['', 'json'],
    ['*/*', 'json'],
    ['application/*', 'json'],
    ['application/json', 'json'],
    ['Application/JSON; charset=utf-8', 'json'],
    ['text/vtt', 'vtt'],
    ['application/x-subrip', 'srt'],
    ['text/srt', 'srt'],
    ['text/plain', 'text'],
    ['text/*', 'text'],
    ['text/html, text/vtt', 'vtt'],
    ['text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', 'json'],
    ['text/vtt;q=0.5, application/x-subrip', 'srt'],
    ['text/plain;q=0.8, text/vtt;q=0.8', 'text'],
    ['text/vtt;q=0, */*', 'json'],
    ['text/vtt;q=abc', 'vtt'],
  ] as const)('Accept %j → %s', (accept, expected) => {
    expect(negotiateTranscriptFormat(null, accept)).toBe(expected);
  });

  it.each(['text/html', 'application/xml', 'image/png, text/html;q=0.9', 'text/vtt;q=0', ','])(
    'Accept %j is not acceptable',
    (accept) => {
      expect(negotiateTranscriptFormat(null, accept)).toBeNull();
    },
  );

  it('lets ?format= win over Accept', () => {
    expect(negotiateTranscriptFormat('srt', 'text/html')).toBe('srt');
    expect(negotiateTranscriptFormat('text', 'application/json')).toBe('text');
  });

  it.each(['pdf', 'JSON', ''])('rejects ?format=%j whatever Accept says', (format) => {
    expect(negotiateTranscriptFormat(format, 'application/json')).toBeNull();
  });
});
