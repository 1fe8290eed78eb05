// Shown while the diagnosis of the view runs.
import { PageLoading } from '@/app/_components/overview/page-loading';

export default function ProblemsLoading() {
  return (
    <>
      <h1>Problems</h1>
      <PageLoading />
    </>
  );
}
