import { describe, expect, test } from 'vitest';
import { createMemoryRateLimitStore, type RateLimitStore } from './rate-limit-store.js';
import { createAuthFailureLimit, createClientRateLimit, createFallbackRateLimitStore, retryAfterSeconds } from './rate-limiter.js';

let now = Date.parse('2026-11-05T01:00:00.000Z');
const clock = () => new Date(now);

describe('client rate limit', () => {
  test('counts per client_id; one client at its limit leaves others unaffected', async () => {
    const limit = createClientRateLimit(createMemoryRateLimitStore(), { limit: 2, windowMs: 60_000 }, clock);
    expect((await limit.acquire('portal')).allowed).toBe(true);
    expect((await limit.acquire('portal')).allowed).toBe(true);
    const refused = await limit.acquire('portal');
    expect(refused).toEqual({ allowed: false, count: 2, retryAfterMs: 60_000 });
    expect(retryAfterSeconds(refused)).toBe('60');
    expect((await limit.acquire('bank-app')).allowed).toBe(true);
    now += 60_000;
    expect((await limit.acquire('portal')).allowed).toBe(true);
  });
});

describe('failed-authentication limit', () => {
  test('an address is throttled once its failures reach the limit, until they age out', async () => {
    const limit = createAuthFailureLimit(createMemoryRateLimitStore(), { limit: 3, windowMs: 60_000 }, clock);
    for (let i = 0; i < 3; i += 1) {
      expect((await limit.check('10.0.0.1')).allowed).toBe(true);
      await limit.recordFailure('10.0.0.1');
    }
    expect(await limit.check('10.0.0.1')).toMatchObject({ allowed: false, count: 3 });
    expect((await limit.check('10.0.0.2')).allowed).toBe(true);
    now += 60_000;
    expect((await limit.check('10.0.0.1')).allowed).toBe(true);
  });
});

describe('retryAfterSeconds', () => {
  test('whole seconds, rounded up, at least 1', () => {
    expect(retryAfterSeconds({ allowed: false, count: 1, retryAfterMs: 1 })).toBe('1');
    expect(retryAfterSeconds({ allowed: false, count: 1, retryAfterMs: 1001 })).toBe('2');
    expect(retryAfterSeconds({ allowed: false, count: 1, retryAfterMs: 0 })).toBe('1');
  });
});

describe('fallback store', () => {
  test('answers from the fallback while the primary fails, and reports each failure', async () => {
    const failures: unknown[] = [];
    const broken: RateLimitStore = {
      acquire: () => Promise.reject(new Error('redis down')),
      peek: () => Promise.reject(new Error('redis down')),
      record: () => Promise.reject(new Error('redis down')),
      close: async () => undefined,
    };
    const store = createFallbackRateLimitStore(broken, createMemoryRateLimitStore(), (e) => failures.push(e));
    expect(await store.acquire('k', 1, 1000, 0)).toEqual({ allowed: true, count: 1, retryAfterMs: 0 });
    expect(await store.acquire('k', 1, 1000, 1)).toEqual({ allowed: false, count: 1, retryAfterMs: 999 });
    await store.record('j', 1000, 0);
    expect(await store.peek('j', 1, 1000, 0)).toMatchObject({ allowed: false });
    expect(failures.length).toBe(4);
  });
});
