// Shown for an endpoint id that was never seen (or a link from another database).
import Link from 'next/link';

export default function EndpointNotFound() {
  return (
    <>
      <h1>Endpoint not found</h1>
      <p>
        Faultline has stored no call to an endpoint with this id. Endpoint ids come from the method, host and route template of
        the calls your services make, so a link from another Faultline installation, or from before its data was cleared, leads
        nowhere here.
      </p>
      <p>
        <Link href="/">Back to the overview</Link> · <Link href="/endpoints">All endpoints</Link>
      </p>
    </>
  );
}
