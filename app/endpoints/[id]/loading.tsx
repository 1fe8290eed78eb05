// Shown while an endpoint's figures load.
export default function EndpointLoading() {
  return (
    <>
      <h1>Endpoint</h1>
      <p className="muted" role="status" aria-live="polite">
        Loading the endpoint…
      </p>
    </>
  );
}
