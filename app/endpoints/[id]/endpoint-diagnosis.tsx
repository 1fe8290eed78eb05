// The diagnosis slot right after the figures: the findings about this endpoint with their
// evidence and fix, or the general advice for the status it fails with most.
import { AdvicePanel } from '@/app/_components/findings/advice-panel';
import { type DashboardView, viewQuery } from '@/lib/dashboard/dashboard-view';
import type { EndpointDetail } from '@/lib/dashboard/endpoint/get-endpoint-detail';
import { chooseFallbackAdvice } from '@/lib/dashboard/problems/choose-fallback-advice';
import type { ProblemsData } from '@/lib/dashboard/problems/load-problems';

export interface EndpointDiagnosisProps {
  view: DashboardView;
  detail: EndpointDetail;
  problems: ProblemsData;
}

export function EndpointDiagnosis({ view, detail, problems }: EndpointDiagnosisProps) {
  const id = detail.endpoint.id;
  return (
    <AdvicePanel
      id="diagnosis"
      subject="endpoint"
      view={view}
      findings={problems.findings}
      endpointLabels={problems.endpointLabels}
      fallback={problems.findings.length === 0 ? chooseFallbackAdvice(detail.byStatus) : null}
      total={detail.total}
      errors={detail.errors}
      requestsHref={(filter) => `/requests${viewQuery(view, { endpoint: id, ...filter })}`}
    />
  );
}
