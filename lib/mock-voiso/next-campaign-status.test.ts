import { describe, expect, it } from 'vitest';
import { nextCampaignStatus } from './next-campaign-status';

describe('nextCampaignStatus', () => {
  it.each([
    ['draft', 'start', 'running'],
    ['draft', 'pause', null],
    ['draft', 'stop', null],
    ['running', 'start', null],
    ['running', 'pause', 'paused'],
    ['running', 'stop', 'stopped'],
    ['paused', 'start', 'running'],
    ['paused', 'pause', null],
    ['paused', 'stop', 'stopped'],
    ['stopped', 'start', null],
    ['stopped', 'pause', null],
    ['stopped', 'stop', null],
  ] as const)('%s --%s--> %s', (current, command, expected) => {
    expect(nextCampaignStatus(current, command)).toBe(expected);
  });
});
