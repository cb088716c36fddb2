import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, test } from 'vitest';
import { createRedisRateLimitStore } from './redis-rate-limit-store.js';
import { openRateLimitStore } from './rate-limiter.js';
import { createRespClient, RespConnectionError, RespServerError, type RespClient } from './resp-client.js';

const REDIS_URL = process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `test:ratelimit:${randomBytes(4).toString('hex')}:`;
const T0 = Date.parse('2026-11-05T01:00:00.000Z');

const clients: RespClient[] = [];
const client = () => {
  const c = createRespClient(REDIS_URL, { timeoutMs: 2000 });
  clients.push(c);
  return c;
};

afterAll(async () => {
  const admin = client();
  const keys = await admin.command(['KEYS', `${PREFIX}*`]);
  if (Array.isArray(keys) && keys.length > 0) await admin.command(['DEL', ...(keys as string[])]);
  await Promise.all(clients.map((c) => c.close()));
});

describe('RESP client against Redis', () => {
  test('pipelines commands and returns replies in order; error replies reject only their command', async () => {
    const c = client();
    const key = `${PREFIX}plain`;
    const [set, get, bad, incr] = await Promise.allSettled([
      c.command(['SET', key, 'Nguyễn']),
      c.command(['GET', key]),
      c.command(['INCR', key]),
      c.command(['EXISTS', key]),
    ]);
    expect([set, get, incr].map((r) => (r.status === 'fulfilled' ? r.value : r.reason))).toEqual(['OK', 'Nguyễn', 1]);
    expect(bad.status === 'rejected' && bad.reason).toBeInstanceOf(RespServerError);
  });

  test('a server that is not there fails the command with a connection error', async () => {
    const c = createRespClient('redis://127.0.0.1:1', { timeoutMs: 500 });
    await expect(c.command(['PING'])).rejects.toBeInstanceOf(RespConnectionError);
    await c.close();
  });
});

describe('Redis rate-limit store', () => {
  test('the same sliding window as in memory, with a TTL on every key', async () => {
    const store = createRedisRateLimitStore(client(), PREFIX);
    for (let i = 0; i < 3; i += 1) expect(await store.acquire('w', 3, 1000, T0 + i * 100)).toEqual({ allowed: true, count: i + 1, retryAfterMs: 0 });
    expect(await store.acquire('w', 3, 1000, T0 + 500)).toEqual({ allowed: false, count: 3, retryAfterMs: 500 });
    expect(await store.acquire('w', 3, 1000, T0 + 1000)).toEqual({ allowed: true, count: 3, retryAfterMs: 0 });
    const ttl = Number(await client().command(['PTTL', `${PREFIX}w`]));
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1000);
    await store.record('f', 1000, T0);
    await store.record('f', 1000, T0 + 1);
    expect(await store.peek('f', 2, 1000, T0 + 2)).toEqual({ allowed: false, count: 2, retryAfterMs: 998 });
  });

  test('two instances on one Redis enforce one limit, exactly, under concurrency', async () => {
    const a = createRedisRateLimitStore(client(), PREFIX);
    const b = createRedisRateLimitStore(client(), PREFIX);
    const decisions = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? a : b).acquire('shared', 25, 60_000, T0 + Math.floor(i / 10))),
    );
    expect(decisions.filter((d) => d.allowed).length).toBe(25);
    expect(await a.peek('shared', 25, 60_000, T0 + 10)).toMatchObject({ allowed: false, count: 25 });
  });

  test('while Redis is unreachable the limits hold per instance, in memory, and the failure is reported', async () => {
    const failures: unknown[] = [];
    const store = openRateLimitStore(
      { redisUrl: 'redis://127.0.0.1:1', redisPrefix: PREFIX, redisTimeoutMs: 300, clock: () => new Date(T0), onRedisError: (e) => failures.push(e) },
      () => undefined,
    );
    expect(await store.acquire('k', 1, 1000, T0)).toEqual({ allowed: true, count: 1, retryAfterMs: 0 });
    expect(await store.acquire('k', 1, 1000, T0 + 1)).toMatchObject({ allowed: false });
    expect(failures.length).toBe(2);
    await store.close();
  });
});
