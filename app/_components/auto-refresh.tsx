'use client';
// Re-renders the page's server data every 30 s while on; the toggle is visible and kept in the URL.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

const everyMs = 30_000;

export function AutoRefresh({ on, toggleHref }: { on: boolean; toggleHref: string }) {
  const router = useRouter();
  const [refreshedAt, setRefreshedAt] = useState<string | null>(null);
  useEffect(() => {
    if (!on) return;
    const timer = setInterval(() => {
      router.refresh();
      setRefreshedAt(new Date().toISOString().slice(11, 19));
    }, everyMs);
    return () => clearInterval(timer);
  }, [on, router]);
  return (
    <span className="auto-refresh">
      <Link href={toggleHref} aria-pressed={on} role="button" className="chip">
        Auto-refresh: {on ? 'on (30 s)' : 'off'}
      </Link>
      {on && refreshedAt ? <span className="muted"> updated {refreshedAt} UTC</span> : null}
    </span>
  );
}
