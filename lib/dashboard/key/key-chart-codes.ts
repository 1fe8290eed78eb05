// The statuses of the key page's timeline: the three a key's owner acts on are drawn first.
export const keyChartCodes = ['2xx', '401', '403', '429', '4xx', '5xx'] as const;

export const keyInitialCodes = ['401', '403', '429'] as const;
