'use client';
// Error state for every page: the server failed to load the data. A page's error reaches the
// browser without its message (production hides it), so /api/health says whether the database
// is down. While it is, the page says so and checks every few seconds, then reloads its data by
// itself; a failure with the database up offers a retry instead.
import { useEffect, useState } from 'react';

const checkEveryMs = 3_000;
// A retry right after the database came back may still fail (its pool reconnecting): a failure
// soon after an automatic retry waits and retries again, a few times, before it gives up.
const recoveringForMs = 30_000;
const maxRetriesInARow = 3;
let lastAutoRetryAt = 0;
let autoRetriesInARow = 0;

type Health = 'checking' | 'unavailable' | 'failed';

export default function ErrorPage({ retry }: { error: Error & { digest?: string }; retry: () => void }) {
  const [health, setHealth] = useState<Health>('checking');
  const [checkedAt, setCheckedAt] = useState<string | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    if (Date.now() - lastAutoRetryAt >= recoveringForMs) autoRetriesInARow = 0;
    const recovering = autoRetriesInARow > 0 && autoRetriesInARow < maxRetriesInARow;
    let sawUnavailable = false;
    // Fetches the page's server data again and renders it in place of this boundary.
    const autoRetry = () => {
      lastAutoRetryAt = Date.now();
      autoRetriesInARow++;
      retry();
    };
    const check = async () => {
      const up = await fetch('/api/health', { cache: 'no-store' }).then(
        (res) => res.ok,
        () => false,
      );
      if (cancelled) return;
      setCheckedAt(new Date().toISOString().slice(11, 19));
      if (up && (sawUnavailable || recovering)) return autoRetry();
      if (up) return setHealth('failed');
      sawUnavailable = true;
      setHealth('unavailable');
      timer = setTimeout(check, checkEveryMs);
    };
    timer = setTimeout(check, recovering ? checkEveryMs : 0);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [retry]);

  if (health === 'failed') {
    return (
      <section className="panel" role="alert">
        <h1>Data could not be loaded</h1>
        <p>The server failed while loading this page, though its database answers.</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </section>
    );
  }
  return (
    <section className="panel" role="alert" aria-live="polite" data-state={health}>
      <h1>{health === 'unavailable' ? 'The database is unavailable' : 'Data could not be loaded'}</h1>
      <p>
        {health === 'unavailable'
          ? 'Faultline cannot reach its database right now; it may be restarting.'
          : 'Checking whether the database answers…'}
      </p>
      {health === 'unavailable' ? (
        <p className="muted">
          This page checks again every {checkEveryMs / 1000} seconds and comes back by itself when the database is back
          {checkedAt ? ` (last checked ${checkedAt} UTC)` : ''}.
        </p>
      ) : null}
    </section>
  );
}
