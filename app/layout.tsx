// Root layout: page chrome shared by every dashboard page.
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: 'Faultline',
  description: 'Error analytics for the REST APIs your apps call',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header className="topbar">
          <Link href="/" className="brand">
            Faultline
          </Link>
          <nav aria-label="Main">
            <Link href="/">Overview</Link>
            <Link href="/problems">Problems</Link>
            <Link href="/endpoints">Endpoints</Link>
            <Link href="/keys">API keys</Link>
            <Link href="/requests">Requests</Link>
            <Link href="/alerts">Alerts</Link>
          </nav>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
