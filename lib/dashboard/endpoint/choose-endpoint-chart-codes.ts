// Which statuses the endpoint timeline offers and which it draws first: the failures that
// actually happened plus 2xx, so a page about a 422 problem opens on 422, not on 401/403/429.

export const endpointChartCodes = ['2xx', '401', '403', '404', '406', '409', '422', '429', '5xx', 'network'] as const;

export interface EndpointChartCodes {
  /** Every toggle: the fixed list plus any other 4xx code that occurred, in status order. */
  codes: string[];
  /** Drawn initially. */
  initialCodes: string[];
}

const order = (code: string) => (code === 'network' ? 1000 : code === '5xx' ? 500 : code === '2xx' ? 200 : Number(code));

/** `byStatus` as getSummary returns it: status code (or "network") → calls. */
export function chooseEndpointChartCodes(byStatus: Readonly<Record<string, number>>): EndpointChartCodes {
  const occurred = Object.entries(byStatus)
    .filter(([, count]) => count > 0)
    .map(([status]) => status);
  const fixed: readonly string[] = endpointChartCodes;
  const extra = occurred.filter((s) => /^4\d\d$/.test(s) && !fixed.includes(s));
  const codes = [...fixed, ...extra].sort((a, b) => order(a) - order(b));
  const failing = (code: string) => {
    if (code === '5xx') return occurred.some((s) => /^5\d\d$/.test(s));
    return code !== '2xx' && occurred.includes(code);
  };
  return { codes, initialCodes: ['2xx', ...codes.filter(failing)] };
}
