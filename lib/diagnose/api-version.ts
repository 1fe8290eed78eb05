// The API version a route names in its path (`/api/v4/users` → 4), if any.

const versionSegment = /^v(\d{1,3})$/i;

export function apiVersionOf(route: string): number | null {
  for (const segment of route.split('/')) {
    const match = versionSegment.exec(segment);
    if (match) return Number(match[1]);
  }
  return null;
}
