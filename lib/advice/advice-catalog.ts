// The troubleshooting catalog: for each failing status a client meets, what it means, the usual
// causes, what to look at and the fix, written for any REST API and specific where the Voiso v4
// conventions apply (cluster host, /api/v4 prefix, contact-center keys and roles).
import type { AdviceEntry } from './advice-entry';

const base = 'https://{cluster_id}.voiso.com/api/v4';
const bearer = '-H "Authorization: Bearer <contact_center_api_key>"';

const entries: AdviceEntry[] = [
  {
    status: '400',
    title: 'Bad Request: the API could not read the request',
    meaning:
      'The server turned the call away because it could not make sense of it: the body, the query string or a header is malformed or incomplete. Sending the identical call again fails the same way.',
    causes: [
      'A JSON body that does not parse: trailing commas, single quotes, or a payload glued together from strings.',
      'A Content-Type that does not describe the body, e.g. JSON sent as form data or with no Content-Type at all.',
      'A required query parameter left out, or one whose value has the wrong shape (a date that is not ISO 8601, text where a number belongs).',
      'Query values that were not URL-encoded, so a value holding "&", "#" or spaces splits into other parameters.',
    ],
    checks: [
      'Capture the exact body the client put on the wire and run it through a strict JSON parser.',
      'Compare the Content-Type header and the query parameters of a failing call with the endpoint documentation.',
      'See whether every call to the endpoint fails or only those built from some input: the second points at one value that is not escaped or encoded.',
    ],
    fix: 'Build bodies with a JSON serialiser instead of by hand, send them with Content-Type: application/json, and URL-encode query values. A 400 never heals by itself: correct the request before sending it again.',
    example: {
      wrong: `curl -X POST "${base}/contacts" ${bearer} -d "{name: 'Ada'}"`,
      right: `curl -X POST "${base}/contacts" \\\n  ${bearer} \\\n  -H "Content-Type: application/json" \\\n  -d '{"name": "Ada"}'`,
    },
  },
  {
    status: '401',
    title: 'Unauthorized: the API did not accept the credentials',
    meaning:
      'The call reached the API, but without credentials it could verify, so it was rejected before anything else was looked at. For Voiso v4 that means no usable contact-center API key in Bearer form.',
    causes: [
      'No Authorization header at all: the client was created before the key was loaded, or a proxy or redirect stripped the header.',
      'A header in another form than "Authorization: Bearer <key>": the bare key, "Token …", "Basic …", or a stray quote, space or newline around the key.',
      'A key issued for another contact center or another cluster, which the host {cluster_id}.voiso.com in the URL does not recognise.',
      'A key that was rotated, revoked or deleted while a service kept sending the old value.',
    ],
    checks: [
      'Look at the authentication scheme the failing calls carried (Faultline records whether it was Bearer, another scheme or none at all) and compare it with calls that succeed.',
      'Make sure the key was created in the contact center whose cluster id is in the host name: key and host have to belong together.',
      'Note when the 401s started and whether a deploy, a secret rotation or a key switch happened at that moment.',
      'Confirm that the environment variable or secret the service reads holds a value at run time; an empty value still produces a header.',
    ],
    fix: 'Send the contact-center API key on every call as "Authorization: Bearer <key>", read from the same secret the working services use, and call the cluster host of the contact center that issued it. After a key rotation, restart or reload every service that holds the key. Repeating a 401 with the same credentials cannot succeed.',
    example: {
      wrong: `curl "${base}/users" -H "Authorization: <contact_center_api_key>"`,
      right: `curl "${base}/users" \\\n  ${bearer} \\\n  -H "Accept: application/json"`,
    },
  },
  {
    status: '403',
    title: 'Forbidden: the key is known but not allowed to do this',
    meaning:
      'Authentication worked (the API recognised the key), yet the permissions behind it do not cover this resource or this action. Fixing the header will not help; the access of the key has to change.',
    causes: [
      'The role the key acts with lacks the permission for this endpoint or method, for instance reading is allowed but writing is not.',
      'The key comes from another contact center than the data it addresses: valid, but blind to these resources.',
      'The feature the endpoint serves is not enabled for the account.',
    ],
    checks: [
      'Compare what the same key can and cannot do. Successes elsewhere and 403s here mean one permission is missing; a 403 on every call means the key most likely belongs to another contact center.',
      "Review the role assigned to the key in the contact center's administration and the actions it grants.",
      'Confirm in which contact center the key was created and which one owns the ids used in the request.',
    ],
    fix: 'Add the missing permission to the role behind the key, or use a key created in the contact center that owns the resource. Retries will keep getting 403 until access changes, so stop or skip those calls rather than repeating them.',
  },
  {
    status: '404',
    title: 'Not Found: nothing at this address',
    meaning:
      'The API has nothing at the address that was called. Either the path itself is wrong (no such endpoint, wrong version or host) or the path is right and the id inside it does not exist for this key.',
    causes: [
      'An outdated version prefix such as /api/v1/ or /api/v3/ when the current one is /api/v4/.',
      'A wrong base URL: a misspelt or foreign cluster id in {cluster_id}.voiso.com, a missing /api segment, or a typo in the resource name.',
      'An id that does not exist: deleted, never created, mistyped, or taken from another contact center.',
      'A path filled from a template where a variable came out empty, e.g. /api/v4/users/undefined.',
    ],
    checks: [
      'Put a failing URL next to a succeeding one and compare host, version prefix and resource name piece by piece.',
      'If the same endpoint succeeds for other ids, the path is fine and the ids are the problem: trace where the failing ids come from.',
      'If no call on that host or path has ever succeeded, for anyone, the base URL or version in the configuration is wrong.',
    ],
    fix: 'Point the client at https://{cluster_id}.voiso.com/api/v4/ with the cluster of your contact center, keep that base URL in one place of the configuration, and check ids before putting them in a path. For resources that may be deleted, treat a 404 as final and stop retrying that id.',
    example: {
      wrong: `curl "https://{cluster_id}.voiso.com/api/v1/users/42" ${bearer}`,
      right: `curl "${base}/users/42" \\\n  ${bearer} \\\n  -H "Accept: application/json"`,
    },
  },
  {
    status: '406',
    title: 'Not Acceptable: the requested format is not offered',
    meaning:
      'The client asked, with its Accept header or a format parameter, for a representation this endpoint cannot produce. The errors object of the response normally names the formats it can return.',
    causes: [
      'An Accept header naming a type the endpoint does not serve, such as application/xml or text/csv on a JSON endpoint.',
      'A library or framework default (Accept: text/html, or a browser-like header set) copied into a server-side client.',
      'A format parameter, e.g. for transcripts or exports, set to a value outside the list the endpoint supports.',
    ],
    checks: [
      'Read the Accept header and any format parameter the failing calls sent.',
      'Read the errors object of the response: its key names the parameter and its message lists the allowed values.',
    ],
    fix: 'Request a format the endpoint offers. For ordinary JSON endpoints send "Accept: application/json"; where several formats exist, choose one from the list in the error body.',
    example: {
      wrong: `curl "${base}/users" ${bearer} -H "Accept: application/xml"`,
      right: `curl "${base}/users" \\\n  ${bearer} \\\n  -H "Accept: application/json"`,
    },
  },
  {
    status: '409',
    title: 'Conflict: the resource is not in a state that allows this now',
    meaning:
      'The request is well formed and authorised, but the target is in a state where the operation cannot happen, or the output asked for is not ready. The same call may work later, once the state has changed, but not when repeated straight away.',
    causes: [
      'Acting on a resource whose current state rules the action out, e.g. changing something still being processed or already closed.',
      'Asking for a result (a file, a transcript, an export) that the API has not finished producing.',
      'Two workers, or a retry and its original, changing the same resource at once.',
    ],
    checks: [
      'Fetch the resource through its GET endpoint and look at its status at the moment of the conflict.',
      'Measure how soon the client repeats a call after a 409: quick repeats on the same resource only produce more 409s.',
      'Look for parallel jobs or duplicate deliveries working on the same id.',
    ],
    fix: 'Before sending the call again, read the state of the resource and wait, polling at a modest and growing interval, until it permits the operation or the output is available; then send the call once. Let a single worker own each resource at a time.',
    example: {
      right: `# 1. Read the resource and look at its status\ncurl "${base}/<resource>/<id>" ${bearer} -H "Accept: application/json"\n# 2. Send the change once that status allows it; until then wait and read again`,
    },
  },
  {
    status: '422',
    title: 'Unprocessable Entity: fields failed validation',
    meaning:
      'The API read the request fine but refused the values in it. The errors object of the response maps each rejected field to messages saying what is wrong with it.',
    causes: [
      'A required field that is absent, or sent under another spelling (camelCase instead of snake_case, a typo).',
      'A value of the wrong JSON type: a number inside quotes, "true" as text instead of a boolean, an object where a list is expected.',
      'An enumerated value that differs from the documented one, even only in upper or lower case.',
      'A value out of range or in the wrong format: dates, phone numbers, time zone names.',
    ],
    checks: [
      'Read the errors object of failing calls: the key is the field, the message tells whether it is absent, of the wrong type or not an allowed value.',
      'Count failures per field and message: one dominant field usually means one place in the client that builds it wrongly.',
      'Compare the payload with the schema of the endpoint, including the exact spelling and case of every enum value.',
    ],
    fix: 'Correct the payload where it is assembled: include every required field, give each the JSON type the schema declares, and spell enum values exactly as documented. Validate input on your side before calling; resending a 422 unchanged will fail again.',
    example: {
      wrong: `curl -X POST "${base}/contacts" ${bearer} -H "Content-Type: application/json" -d '{"phone_number": 4915112345678}'`,
      right: `curl -X POST "${base}/contacts" \\\n  ${bearer} \\\n  -H "Content-Type: application/json" \\\n  -d '{"name": "Ada Lovelace", "phone_number": "+4915112345678"}'`,
    },
  },
  {
    status: '429',
    title: 'Too Many Requests: the key is being throttled',
    meaning:
      'The API is limiting the caller: too many calls arrived in a short time for this key or account. The call was not processed and can be sent again, after a pause.',
    causes: [
      'Retries that fire at once, or at a short fixed interval, after a 429: every one adds to the load that triggered the limit.',
      'Bursts: a batch job, a schedule or a fan-out sending many calls together although the average rate would be acceptable.',
      'Several services or workers sharing one key, so their rates add up against the same limit.',
    ],
    checks: [
      'Measure the time between a 429 and the next call of the same key to the same endpoint, and compare it with the Retry-After value the API returned.',
      'Look at the per-minute call rate of the key: a few tall peaks point at bursts, a steady high rate at a workload above the limit.',
      'List the services that send calls with the key.',
    ],
    fix: 'After a 429, pause before the next attempt: wait as long as the Retry-After header says when it is present, otherwise back off exponentially with jitter (1 s, 2 s, 4 s and so on, capped), and give up after a handful of attempts. Spread batch work with a client-side rate limiter, and give separate workloads separate keys where that is allowed.',
    example: {
      right: [
        '# Wait the seconds Retry-After asks for, else double the pause each time',
        'pause=1',
        'for attempt in 1 2 3 4 5; do',
        "  code=$(curl -s -o body.json -D headers.txt -w '%{http_code}' \\",
        `    "${base}/cdr" \\`,
        `    ${bearer})`,
        '  [ "$code" != 429 ] && break',
        "  wait=$(grep -i '^retry-after:' headers.txt | tr -dc '0-9')",
        '  [ -z "$wait" ] && wait=$pause',
        '  sleep "$wait"',
        '  pause=$((pause * 2))',
        'done',
      ].join('\n'),
    },
  },
  {
    status: '5xx',
    title: 'Server error: the API failed to handle the call',
    meaning:
      'Something broke on the provider side (or in a gateway in front of it) while handling a call that may well have been correct. Such errors are often temporary.',
    causes: [
      'A short outage, deployment or overload at the provider; gateways then answer 502, 503 or 504.',
      'A defect triggered by particular input: the same payload fails every time while others pass.',
      'A request that takes too long to process (a large export, a wide date range) and is cut off by a gateway timeout.',
    ],
    checks: [
      'See whether the errors hit every endpoint and key at once (an incident at the provider) or a single endpoint or payload (input-specific).',
      "Check the provider's status page and announcements for the time of the errors.",
      'For timeouts, try whether a narrower request (shorter date range, smaller page) succeeds.',
    ],
    fix: 'Retry idempotent calls (reads, and writes protected against duplicates) with exponential backoff and a cap, and never replay other writes blindly. If the errors last longer than a few minutes or follow one payload, report them to the provider with the times and trace ids Faultline shows.',
  },
];

/** Every entry, keyed by status ("400" … "429", "5xx"). */
export const adviceCatalog: Readonly<Record<string, AdviceEntry>> = Object.fromEntries(entries.map((e) => [e.status, e]));

/** The entry for a status code or class; any 500–599 maps to "5xx". Undefined when there is none. */
export function adviceFor(status: string | number): AdviceEntry | undefined {
  const text = String(status).trim().toLowerCase();
  if (/^5\d\d$/.test(text)) return adviceCatalog['5xx'];
  return Object.hasOwn(adviceCatalog, text) ? adviceCatalog[text] : undefined;
}
