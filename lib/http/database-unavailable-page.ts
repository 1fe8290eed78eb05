// The page a browser gets instead of a dashboard page while the database does not answer: an
// honest 503 with Retry-After, saying so, that reloads itself once /api/health answers 200 again.
// proxy.ts serves it when the session lookup finds the database unavailable; it stands alone
// (no React, no session) because nothing behind it could render.

/** How often the page asks /api/health, and what Retry-After says. */
export const databaseRetrySeconds = 3;

export function databaseUnavailableResponse(nonce: string, contentSecurityPolicy: string): Response {
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Database unavailable · Faultline</title>
<style>
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: #e6e8ee; background: #0f1115; }
main { max-width: 40rem; margin: 4rem auto; padding: 1rem 1.25rem; background: #171a21; border: 1px solid #2a2f3a; border-radius: 8px; }
h1 { font-size: 1.3rem; margin: 0 0 0.5rem; }
p { margin: 0.5rem 0; }
.muted { color: #9aa3b2; }
</style>
</head>
<body>
<main role="alert">
<h1>The database is unavailable</h1>
<p>Faultline cannot reach its database right now; it may be restarting. Spans sent meanwhile are refused with 503, which OpenTelemetry exporters retry.</p>
<p class="muted" id="database-status">This page checks again every ${databaseRetrySeconds} seconds and reloads by itself when the database is back.</p>
</main>
<script nonce="${nonce}">
(function () {
  var status = document.getElementById('database-status');
  function check() {
    fetch('/api/health', { cache: 'no-store' }).then(function (res) {
      if (res.ok) {
        status.textContent = 'The database is back; reloading…';
        location.reload();
      } else {
        status.textContent = 'Still unavailable at ' + new Date().toLocaleTimeString() + '; checking again in ${databaseRetrySeconds} seconds.';
        setTimeout(check, ${databaseRetrySeconds * 1000});
      }
    }, function () { setTimeout(check, ${databaseRetrySeconds * 1000}); });
  }
  setTimeout(check, ${databaseRetrySeconds * 1000});
})();
</script>
</body>
</html>
`;
  return new Response(html, {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Retry-After': String(databaseRetrySeconds),
      'Content-Security-Policy': contentSecurityPolicy,
    },
  });
}
