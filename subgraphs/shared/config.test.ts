import { describe, expect, it } from 'vitest';
import { loadSubgraphConfig } from './config.js';

const base = { PORT: '0', INTERNAL_PUBLIC_KEY_FILE: '/k.json', BANK_URL: 'http://127.0.0.1:4105', POST_URL: 'http://127.0.0.1:4106' };

describe('subgraph configuration', () => {
  it('takes per-agency overrides over the AGENCY_* defaults, zero retries included', () => {
    const c = loadSubgraphConfig({ ...base, AGENCY_TIMEOUT_MS: '3000', BANK_RETRIES: '0', POST_TIMEOUT_MS: '800' }, ['BANK', 'POST']);
    expect([c.agencies.BANK!.retries, c.agencies.BANK!.timeoutMs, c.agencies.POST!.timeoutMs, c.agencies.POST!.retries, c.internalMaxTtlSeconds]).toEqual([0, 3000, 800, 2, 60]);
  });

  it('lists every problem instead of starting with a bad value', () => {
    expect(() => loadSubgraphConfig({ ...base, BANK_TIMEOUT_MS: '-1', POST_URL: 'nope' }, ['BANK', 'POST'])).toThrow(/BANK_TIMEOUT_MS[\s\S]*POST_URL/);
  });
});
