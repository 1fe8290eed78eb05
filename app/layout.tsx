// Root layout: page chrome shared by every dashboard page.
import type { Metadata } from 'next';
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
          <a href="/" className="brand">
            Faultline
          </a>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
