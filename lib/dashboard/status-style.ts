// How each status appears everywhere in the dashboard: its reason phrase, colour and line
// dash. Colour is never the only carrier: every series also has a label and a dash pattern.

export interface StatusStyle {
  /** e.g. "Too Many Requests". */
  label: string;
  color: string;
  /** SVG stroke-dasharray; undefined for a solid line. */
  dash?: string;
}

const reasonPhrases: Readonly<Record<string, string>> = {
  '200': 'OK',
  '201': 'Created',
  '202': 'Accepted',
  '204': 'No Content',
  '301': 'Moved Permanently',
  '302': 'Found',
  '304': 'Not Modified',
  '400': 'Bad Request',
  '401': 'Unauthorized',
  '403': 'Forbidden',
  '404': 'Not Found',
  '405': 'Method Not Allowed',
  '406': 'Not Acceptable',
  '408': 'Request Timeout',
  '409': 'Conflict',
  '413': 'Payload Too Large',
  '415': 'Unsupported Media Type',
  '422': 'Unprocessable Entity',
  '429': 'Too Many Requests',
  '500': 'Internal Server Error',
  '502': 'Bad Gateway',
  '503': 'Service Unavailable',
  '504': 'Gateway Timeout',
  '2xx': 'Success',
  '3xx': 'Redirects',
  '4xx': 'Client errors',
  '5xx': 'Server errors',
  network: 'No response',
};

// The three statuses Faultline is about get the most distinct colours and dashes.
const styles: Readonly<Record<string, Omit<StatusStyle, 'label'>>> = {
  '401': { color: '#f0883e' },
  '403': { color: '#a371f7', dash: '8 4' },
  '429': { color: '#ff6b6b', dash: '2 3' },
  '404': { color: '#58a6ff', dash: '12 3 2 3' },
  '406': { color: '#39c5cf', dash: '4 4' },
  '409': { color: '#e3b341', dash: '10 5' },
  '422': { color: '#db61a2', dash: '6 2 2 2' },
  '2xx': { color: '#3fb950' },
  '5xx': { color: '#ff7b72', dash: '1 2' },
  network: { color: '#8b949e', dash: '3 6' },
};

const fallbackByClass: Readonly<Record<string, string>> = {
  '2': '#3fb950',
  '3': '#8b949e',
  '4': '#d29922',
  '5': '#ff7b72',
};

/** The status code's or class's reason phrase, e.g. "Forbidden"; `HTTP 499` when unknown. */
export function statusLabel(code: string): string {
  return reasonPhrases[code] ?? (code === '0' ? 'No response' : `HTTP ${code}`);
}

export function statusStyle(code: string): StatusStyle {
  const style = styles[code] ?? { color: fallbackByClass[code[0] ?? ''] ?? '#8b949e', dash: '5 3' };
  return { label: statusLabel(code), ...style };
}

/** `2xx` … `5xx` or `network` for a status code ("network" for 0). */
export function statusClassOf(code: string): string {
  return code === 'network' || code === '0' ? 'network' : `${code[0]}xx`;
}
