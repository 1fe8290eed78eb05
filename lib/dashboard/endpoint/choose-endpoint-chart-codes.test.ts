import { describe, expect, it } from 'vitest';
import { chooseEndpointChartCodes, endpointChartCodes } from './choose-endpoint-chart-codes';

describe('chooseEndpointChartCodes', () => {
  it('offers the fixed list and draws only 2xx when nothing failed', () => {
    expect(chooseEndpointChartCodes({ '200': 10, '201': 2 })).toEqual({ codes: [...endpointChartCodes], initialCodes: ['2xx'] });
  });

  it('draws 2xx plus the failures that occurred, in status order', () => {
    const { initialCodes } = chooseEndpointChartCodes({ '200': 5, '429': 3, '422': 7, '404': 1 });
    expect(initialCodes).toEqual(['2xx', '404', '422', '429']);
  });

  it('draws 5xx for any 5xx code and network for calls without a response', () => {
    expect(chooseEndpointChartCodes({ '503': 2, network: 1 }).initialCodes).toEqual(['2xx', '5xx', 'network']);
  });

  it('ignores statuses with a zero count', () => {
    expect(chooseEndpointChartCodes({ '200': 3, '401': 0, network: 0 }).initialCodes).toEqual(['2xx']);
  });

  it('adds other 4xx codes that occurred as toggles, in order, and draws them', () => {
    const chosen = chooseEndpointChartCodes({ '400': 2, '405': 1, '401': 4 });
    expect(chosen.codes).toEqual(['2xx', '400', '401', '403', '404', '405', '406', '409', '422', '429', '5xx', 'network']);
    expect(chosen.initialCodes).toEqual(['2xx', '400', '401', '405']);
  });

  it('does not add 3xx or 5xx codes as toggles of their own (5xx covers them)', () => {
    expect(chooseEndpointChartCodes({ '304': 1, '500': 1 }).codes).toEqual([...endpointChartCodes]);
  });

  it('handles no calls at all', () => {
    expect(chooseEndpointChartCodes({})).toEqual({ codes: [...endpointChartCodes], initialCodes: ['2xx'] });
  });
});
