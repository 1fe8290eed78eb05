// The client address used for per-address sign-in limits. Next's server fills X-Forwarded-For
// with the socket's address when a request has none; a reverse proxy appends the address it saw.
// The last entry is therefore the nearest hop's view. Exposed directly, a client can send its own
// header and choose this value: the per-account limit does not depend on it.

export function clientAddress(headers: Headers): string {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').at(-1)?.trim();
  return last ?? headers.get('x-real-ip')?.trim() ?? '';
}
