import { describe, expect, it } from 'vitest';
import { formatStep } from './format-step';

describe('formatStep', () => {
  it.each([
    [60, 'minute'],
    [300, '5 minutes'],
    [600, '10 minutes'],
    [3_600, 'hour'],
    [10_800, '3 hours'],
    [86_400, 'day'],
    [90, '90 seconds'],
  ])('%d s is "%s"', (seconds, text) => {
    expect(formatStep(seconds)).toBe(text);
  });
});
