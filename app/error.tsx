'use client';
// Error state for every page: the server failed to load the data (most often because the
// database is unavailable). Offers a retry instead of a blank page.

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="panel" role="alert">
      <h1>Data could not be loaded</h1>
      <p>The server could not read from its database. It may be restarting or unreachable.</p>
      <button type="button" onClick={() => reset()}>
        Try again
      </button>
    </section>
  );
}
