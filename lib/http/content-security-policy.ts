// The Content-Security-Policy of dashboard pages. Scripts run only with this response's nonce
// (Next adds it to its own scripts), so text injected through a span attribute cannot run even
// if it ever reached the page unescaped. Styles allow inline: Recharts positions with style
// attributes, which nonces cannot cover, and CSS cannot run script.

export function pageContentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    // The dev server's React Refresh needs eval; production never gets it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
