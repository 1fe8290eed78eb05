// 403 for pages only admins may open (requireAdmin() calls forbidden()).
import Link from 'next/link';

export default function Forbidden() {
  return (
    <section className="panel" role="alert">
      <h1>Admins only</h1>
      <p>Your role can read the dashboard but not change settings. Ask an admin to make you an admin.</p>
      <p>
        <Link href="/">Back to the overview</Link>
      </p>
    </section>
  );
}
