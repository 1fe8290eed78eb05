// What the delivery log may say about where a notification went: each channel's URL without
// its query string, fragment, credentials or deeper path, which is where webhook secrets sit
// (Slack puts its secret in the path: /services/T…/B…/<secret>). The full URL stays only in
// the rule's definition; a delivery finds its channel again by target.
import type { AlertChannel } from './schemas/alert-rule-request-schema';

/** The URL as it may be shown and logged: scheme, host, port and the first path segment only. */
export function redactWebhookUrl(url: string): string {
  try {
    const u = new URL(url);
    const [first, ...rest] = u.pathname.split('/').filter(Boolean);
    const path = first === undefined ? '/' : `/${first}${rest.length > 0 ? '/…' : ''}`;
    return `${u.protocol}//${u.host}${path}`;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * One target per channel, in channel order. Two channels that differ only in their hidden
 * parts get " #2", " #3"… so each delivery still names exactly one channel.
 */
export function listChannelTargets(channels: readonly AlertChannel[]): string[] {
  const seen = new Map<string, number>();
  return channels.map((channel) => {
    const base = `${channel.type} ${redactWebhookUrl(channel.url)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} #${n}`;
  });
}
