import { describe, expect, it } from 'vitest';
import { listChannelTargets, redactWebhookUrl } from './list-channel-targets';

describe('redactWebhookUrl', () => {
  it.each([
    ['https://hooks.example/x?token=s3cret', 'https://hooks.example/x'],
    ['https://user:pass@hooks.example:8443/a/b#frag', 'https://hooks.example:8443/a/…'],
    ['https://hooks.slack.com/services/T000/B000/XXXXsecretXXXX', 'https://hooks.slack.com/services/…'],
    ['https://hooks.example', 'https://hooks.example/'],
    ['http://127.0.0.1:4000/', 'http://127.0.0.1:4000/'],
    ['not a url', '(invalid URL)'],
  ])('%s → %s', (url, expected) => {
    expect(redactWebhookUrl(url)).toBe(expected);
  });
});

describe('listChannelTargets', () => {
  it('names each channel by type and redacted URL, numbering channels that would read the same', () => {
    expect(
      listChannelTargets([
        { type: 'webhook', url: 'https://hooks.example/x?key=a' },
        { type: 'slack', url: 'https://hooks.example/x?key=a' },
        { type: 'webhook', url: 'https://hooks.example/x?key=b' },
        { type: 'webhook', url: 'https://hooks.example/y' },
        { type: 'webhook', url: 'https://hooks.example/x?key=c' },
      ]),
    ).toEqual([
      'webhook https://hooks.example/x',
      'slack https://hooks.example/x',
      'webhook https://hooks.example/x #2',
      'webhook https://hooks.example/y',
      'webhook https://hooks.example/x #3',
    ]);
  });

  it('never contains a query string or credentials', () => {
    const targets = listChannelTargets([{ type: 'webhook', url: 'https://u:p@h.example/p?secret=1' }]);
    expect(targets.join()).not.toMatch(/secret|u:p|\?/);
  });
});
