// The request and response headers recorded on API call spans, as semconv header attributes.

/** Recorded as `http.request.header.accept`: what the 406 diagnosis compares. */
export const requestHeaders = ['accept'];
/** Recorded as `http.response.header.retry-after`: what the 429 diagnosis compares. */
export const responseHeaders = ['retry-after'];
