// Shown while the request explorer's calls load.
export default function RequestsLoading() {
  return (
    <>
      <h1>Requests</h1>
      <p className="muted" role="status" aria-live="polite">
        Loading calls…
      </p>
    </>
  );
}
