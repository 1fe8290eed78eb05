// The endpoint page's headline figures for the range: calls, failures, the three statuses
// Faultline is about, and latency as the histogram buckets it can honestly name.
import { type FigureTile, FigureTiles } from '@/app/_components/figure-tiles';
import type { EndpointDetail } from '@/lib/dashboard/endpoint/get-endpoint-detail';
import { formatLatencyRange, formatMs } from '@/lib/dashboard/endpoint/summarize-latency';
import { formatCount, formatShare } from '@/lib/dashboard/format-figures';

/** `requestsHref` opens the request explorer with this page's pin and the given filter. */
export function EndpointKpis({ detail, requestsHref }: { detail: EndpointDetail; requestsHref: (filter: Record<string, string>) => string }) {
  const { total, errors, byStatus, latency } = detail;
  const status = (code: string, label: string): FigureTile => ({
    label: `${code} ${label}`,
    value: formatCount(byStatus[code] ?? 0),
    detail: `${formatShare(byStatus[code] ?? 0, total)} of calls`,
    href: (byStatus[code] ?? 0) > 0 ? requestsHref({ status: code }) : undefined,
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
    {
      label: 'Latency p50',
      value: formatLatencyRange(latency.p50),
      detail: latency.meanMs === null ? 'no calls' : `mean ${formatMs(latency.meanMs)}`,
    },
    {
      label: 'Latency p95',
      value: formatLatencyRange(latency.p95),
      detail: latency.maxMs === null ? 'no calls' : `slowest ${formatMs(latency.maxMs)}`,
    },
  ];
  return <FigureTiles tiles={tiles} label="Endpoint figures for the range" />;
}
