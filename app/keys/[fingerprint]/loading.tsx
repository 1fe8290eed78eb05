// Shown while a key's figures load.
export default function KeyLoading() {
  return (
    <>
      <h1>API key</h1>
      <p className="muted" role="status" aria-live="polite">
        Loading the key…
      </p>
    </>
  );
}
