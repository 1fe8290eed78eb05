// Loading state of the keys list (and its detail pages that have none of their own).
import { PageLoading } from '@/app/_components/overview/page-loading';

export default function Loading() {
  return <PageLoading />;
}
