import { describe, expect, test } from 'vitest';
import { createMemoryRateLimitStore, retryAfter } from './rate-limit-store.js';

const T0 = Date.parse('2026-11-05T01:00:00.000Z');

describe('memory rate-limit store', () => {
  test('acquire admits up to the limit in a sliding window; refused hits are not recorded', async () => {
    const store = createMemoryRateLimitStore();
    for (let i = 0; i < 3; i += 1) expect(await store.acquire('k', 3, 1000, T0 + i * 100)).toEqual({ allowed: true, count: i + 1, retryAfterMs: 0 });
    expect(await store.acquire('k', 3, 1000, T0 + 500)).toEqual({ allowed: false, count: 3, retryAfterMs: 500 });
    expect(await store.acquire('k', 3, 1000, T0 + 999)).toEqual({ allowed: false, count: 3, retryAfterMs: 1 });
    // The first hit (at T0) leaves the window at T0 + 1000; the refused ones never entered it.
    expect(await store.acquire('k', 3, 1000, T0 + 1000)).toEqual({ allowed: true, count: 3, retryAfterMs: 0 });
    expect(await store.acquire('other', 3, 1000, T0 + 1000)).toEqual({ allowed: true, count: 1, retryAfterMs: 0 });
  });

  test('peek counts without recording; record adds whatever the count', async () => {
    const store = createMemoryRateLimitStore();
    expect(await store.peek('a', 2, 1000, T0)).toEqual({ allowed: true, count: 0, retryAfterMs: 0 });
    await store.record('a', 1000, T0);
    await store.record('a', 1000, T0 + 10);
    await store.record('a', 1000, T0 + 20);
    expect(await store.peek('a', 2, 1000, T0 + 30)).toEqual({ allowed: false, count: 3, retryAfterMs: 980 });
    expect(await store.peek('a', 2, 1000, T0 + 1015)).toEqual({ allowed: true, count: 1, retryAfterMs: 0 });
  });

  test('the default numbers: of 700 hits in one minute, 600 pass and the rest wait for the oldest to expire', async () => {
    const store = createMemoryRateLimitStore();
    const decisions = [];
    for (let i = 0; i < 700; i += 1) decisions.push(await store.acquire('portal', 600, 60_000, T0 + i * 50));
    expect(decisions.filter((d) => d.allowed).length).toBe(600);
    expect(decisions.slice(0, 600).every((d) => d.allowed)).toBe(true);
    expect(decisions[600]).toEqual({ allowed: false, count: 600, retryAfterMs: 60_000 - 600 * 50 });
  });

  test('retryAfter waits for the hit whose expiry makes room', () => {
    expect(retryAfter([0, 10, 20, 30], 2, 100, 50)).toBe(70);
    expect(retryAfter([], 2, 100, 50)).toBe(0);
  });
});
