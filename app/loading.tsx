// Loading state of every page: shown while a page's server component reads its data.
import { PageLoading } from './_components/overview/page-loading';

export default function Loading() {
  return <PageLoading />;
}
