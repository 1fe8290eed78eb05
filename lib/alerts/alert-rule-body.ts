// How the alert-rule routes read their JSON body: the size cap and the example quoted when a
// body is not JSON.

export const alertRuleBody = {
  // A rule with ten channels of 2,048-character URLs still fits, with room for escapes.
  maxBytes: 16 * 1024,
  example: '{"name": "Throttling per key", "metric": "rate", "codes": [429], "comparator": ">", "threshold": 0.2, "windowSeconds": 300}',
} as const;
