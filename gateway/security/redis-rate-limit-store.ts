import { randomBytes } from 'node:crypto';
import type { RateDecision, RateLimitStore } from './rate-limit-store.js';
import type { RespClient } from './resp-client.js';

// One script per call, so counting, trimming and adding are atomic across every gateway instance on this Redis.
// A sorted set per key holds the hits (score = time in ms); ARGV: now, window, limit, member, mode.
const SLIDING_WINDOW_SCRIPT = `
local key = KEYS[1]
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local limit = tonumber(ARGV[3])
local mode = ARGV[5]
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
local count = redis.call('ZCARD', key)
if mode == 'record' or (mode == 'acquire' and count < limit) then
  redis.call('ZADD', key, now, ARGV[4])
  redis.call('PEXPIRE', key, window)
  return {1, count + 1, 0}
end
if count < limit then
  return {1, count, 0}
end
local blocking = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
local retry = window
if blocking[2] then
  retry = tonumber(blocking[2]) + window - now
end
if retry < 1 then
  retry = 1
end
return {0, count, retry}
`;

type Mode = 'acquire' | 'peek' | 'record';

/** The shared store: one sorted set per key in Redis, under `prefix`, so several gateway instances enforce one limit. */
export function createRedisRateLimitStore(client: RespClient, prefix: string): RateLimitStore {
  // Hits of one instance in one millisecond must stay distinct members.
  const instance = randomBytes(6).toString('hex');
  let sequence = 0;

  const run = async (mode: Mode, key: string, limit: number, windowMs: number, nowMs: number): Promise<RateDecision> => {
    sequence = (sequence + 1) % Number.MAX_SAFE_INTEGER;
    const member = `${nowMs}:${instance}:${sequence}`;
    const reply = await client.command(['EVAL', SLIDING_WINDOW_SCRIPT, 1, prefix + key, Math.trunc(nowMs), Math.trunc(windowMs), limit, member, mode]);
    if (!Array.isArray(reply) || reply.length !== 3) throw new Error('unexpected reply from the rate-limit script');
    const [allowed, count, retry] = reply.map(Number) as [number, number, number];
    return { allowed: allowed === 1, count, retryAfterMs: allowed === 1 ? 0 : retry };
  };

  return {
    acquire: (key, limit, windowMs, nowMs) => run('acquire', key, limit, windowMs, nowMs),
    peek: (key, limit, windowMs, nowMs) => run('peek', key, limit, windowMs, nowMs),
    async record(key, windowMs, nowMs) {
      await run('record', key, 0, windowMs, nowMs);
    },
    close: () => client.close(),
  };
}
