// Shown for a key fingerprint that was never seen.
import Link from 'next/link';

export default function KeyNotFound() {
  return (
    <>
      <h1>API key not found</h1>
      <p>
        Faultline has stored no call made with this key fingerprint. Fingerprints appear once a service sends a call with the
        key (as <code>faultline.api_key.fingerprint</code>); calls sent without one are grouped as “No key” on the endpoint
        pages.
      </p>
      <p>
        <Link href="/">Back to the overview</Link> · <Link href="/keys">All API keys</Link>
      </p>
    </>
  );
}
