import { createMemoryRateLimitStore, type RateDecision, type RateLimitStore } from './rate-limit-store.js';
import { createRedisRateLimitStore } from './redis-rate-limit-store.js';
import { createRespClient } from './resp-client.js';

export interface WindowLimit {
  /** Most hits in any window. */
  readonly limit: number;
  readonly windowMs: number;
}

/** Requests accepted per client (`client_id`): at most `limit` in any sliding window; refused ones do not count. */
export interface ClientRateLimit {
  acquire(clientId: string): Promise<RateDecision>;
}

/** Failed authentications per source address: past `limit` in a window the address is refused before any token check. */
export interface AuthFailureLimit {
  check(address: string): Promise<RateDecision>;
  recordFailure(address: string): Promise<void>;
}

/** The per-client limit of scopes.md over a store (in memory, or Redis for several instances). */
export function createClientRateLimit(store: RateLimitStore, limit: WindowLimit, clock: () => Date): ClientRateLimit {
  return {
    acquire: (clientId) => store.acquire(`client:${clientId}`, limit.limit, limit.windowMs, clock().getTime()),
  };
}

/** The per-address limit on failed authentications of scopes.md over a store. */
export function createAuthFailureLimit(store: RateLimitStore, limit: WindowLimit, clock: () => Date): AuthFailureLimit {
  return {
    check: (address) => store.peek(`authfail:${address}`, limit.limit, limit.windowMs, clock().getTime()),
    recordFailure: (address) => store.record(`authfail:${address}`, limit.windowMs, clock().getTime()),
  };
}

/**
 * A store that uses `fallback` while `primary` fails (Redis down or slow): limits then hold per instance instead
 * of stopping all traffic. `onError` hears of every failure (logged by the caller, rate-limited there if needed).
 */
export function createFallbackRateLimitStore(primary: RateLimitStore, fallback: RateLimitStore, onError: (error: unknown) => void): RateLimitStore {
  const guarded =
    <A extends unknown[], R>(call: (s: RateLimitStore, ...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await call(primary, ...args);
      } catch (error) {
        onError(error);
        return call(fallback, ...args);
      }
    };
  return {
    acquire: guarded((s, key: string, limit: number, windowMs: number, nowMs: number) => s.acquire(key, limit, windowMs, nowMs)),
    peek: guarded((s, key: string, limit: number, windowMs: number, nowMs: number) => s.peek(key, limit, windowMs, nowMs)),
    record: guarded((s, key: string, windowMs: number, nowMs: number) => s.record(key, windowMs, nowMs)),
    async close() {
      await Promise.allSettled([primary.close(), fallback.close()]);
    },
  };
}

/** The `Retry-After` value (whole seconds, at least 1) for a refused decision. */
export const retryAfterSeconds = (decision: RateDecision): string => String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));

export interface RateLimitStoreOptions {
  /** redis:// or rediss:// shares the limits between instances; unset keeps them in memory. */
  readonly redisUrl?: string | undefined;
  readonly redisPrefix: string;
  readonly redisTimeoutMs: number;
  readonly clock: () => Date;
  readonly onRedisError?: (error: unknown) => void;
}

const REDIS_ERROR_LOG_INTERVAL_MS = 10_000;

/** The store the limits run on: memory by default; Redis (falling back to memory while it fails) when configured. */
export function openRateLimitStore(options: RateLimitStoreOptions, logWarning: (msg: string, fields: Record<string, unknown>) => void): RateLimitStore {
  const memory = createMemoryRateLimitStore();
  if (!options.redisUrl) return memory;
  const redis = createRedisRateLimitStore(createRespClient(options.redisUrl, { timeoutMs: options.redisTimeoutMs }), options.redisPrefix);
  let lastLogged = -Infinity;
  return createFallbackRateLimitStore(redis, memory, (error) => {
    options.onRedisError?.(error);
    const now = options.clock().getTime();
    if (now - lastLogged < REDIS_ERROR_LOG_INTERVAL_MS) return;
    lastLogged = now;
    logWarning('rate-limit store unavailable; limits held per instance meanwhile', { error: error instanceof Error ? error.message : String(error) });
  });
}
