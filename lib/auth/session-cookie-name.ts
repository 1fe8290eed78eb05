// The session cookie's name, in a module of its own so proxy.ts can read it without pulling in
// the session store.
export const sessionCookieName = 'faultline_session';
