// The key page's headline figures: calls and failures in the range, the three statuses a
// key's owner acts on, and when the key was first and last seen at all.
import { type FigureTile, FigureTiles } from '@/app/_components/figure-tiles';
import { formatCount, formatShare, formatUtc } from '@/lib/dashboard/format-figures';
import type { KeyDetail } from '@/lib/dashboard/key/get-key-detail';

/** `requestsHref` opens the request explorer with this page's pin and the given filter. */
export function KeyKpis({ detail, requestsHref }: { detail: KeyDetail; requestsHref: (filter: Record<string, string>) => string }) {
  const { total, errors, byStatus, key } = detail;
  const status = (code: string, label: string): FigureTile => ({
    label: `${code} ${label}`,
    value: formatCount(byStatus[code] ?? 0),
    detail: `${formatShare(byStatus[code] ?? 0, total)} of calls`,
    href: (byStatus[code] ?? 0) > 0 ? requestsHref({ status: code }) : undefined,
  });
  const seen = (label: string, ms: number): FigureTile => ({
    label,
    value: formatUtc(ms),
    detail: 'any time, any service',
    dateTime: new Date(ms).toISOString(),
  });
  const tiles: FigureTile[] = [
    { label: 'Calls', value: formatCount(total), detail: 'in the range' },
    {
      label: 'Failed',
      value: formatCount(errors),
      detail: `${formatShare(errors, total)} of calls`,
      href: errors > 0 ? requestsHref({ failed: 'true' }) : undefined,
    },
    status('401', 'Unauthorized'),
    status('403', 'Forbidden'),
    status('429', 'Too Many Requests'),
    seen('First seen', key.firstSeenMs),
    seen('Last seen', key.lastSeenMs),
  ];
  return <FigureTiles tiles={tiles} label="Key figures" />;
}
