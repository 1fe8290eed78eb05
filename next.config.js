// Next.js configuration. Native and driver packages stay external so the server
// bundle loads them from node_modules at run time instead of inlining them.
// Pages get their Content-Security-Policy (with a per-request nonce) from proxy.ts; the
// headers below go on every response, JSON and static files included.
const everywhere = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'same-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
];
// JSON answers are never rendered as documents: nothing may load or run in them.
const jsonPolicy = { key: 'Content-Security-Policy', value: "default-src 'none'; frame-ancestors 'none'" };

/** @type {import('next').NextConfig} */
module.exports = {
  serverExternalPackages: ['better-sqlite3', '@prisma/adapter-better-sqlite3', '@prisma/adapter-pg', 'pg'],
  poweredByHeader: false,
  // forbidden() for pages only admins may open (app/forbidden.tsx).
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: '/:path*', headers: everywhere },
      { source: '/api/:path*', headers: [jsonPolicy] },
      { source: '/v1/:path*', headers: [jsonPolicy] },
    ];
  },
};
