// Loading state of the overview, shown while it reads its data. It lives in this route group,
// not at the app root, so that a page calling forbidden() or notFound() still answers 403/404.
import { PageLoading } from '@/app/_components/overview/page-loading';

export default function Loading() {
  return <PageLoading />;
}
