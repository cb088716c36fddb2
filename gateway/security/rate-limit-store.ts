/** The answer of a sliding-window counter for one key. */
export interface RateDecision {
  readonly allowed: boolean;
  /** Hits in the window after this call. */
  readonly count: number;
  /** When refused: milliseconds until one more hit would be allowed; 0 when allowed. */
  readonly retryAfterMs: number;
}

/**
 * Sliding-window hit logs by key: a hit at time t counts while `t > now - windowMs`. In memory per process, or
 * in Redis so that several gateway instances share one limit.
 */
export interface RateLimitStore {
  /** Records a hit when fewer than `limit` are in the window; a refused hit is not recorded (it does not count). */
  acquire(key: string, limit: number, windowMs: number, nowMs: number): Promise<RateDecision>;
  /** Whether fewer than `limit` hits are in the window, recording nothing. */
  peek(key: string, limit: number, windowMs: number, nowMs: number): Promise<RateDecision>;
  /** Records a hit whatever the count. */
  record(key: string, windowMs: number, nowMs: number): Promise<void>;
  close(): Promise<void>;
}

interface HitLog {
  /** Hit times, oldest first. */
  hits: number[];
  windowMs: number;
}

const SWEEP_EVERY = 1000;

/** Milliseconds until the hit that must expire for one more to fit under `limit` does so. */
export function retryAfter(hitsOldestFirst: readonly number[], limit: number, windowMs: number, nowMs: number): number {
  const blocking = hitsOldestFirst[Math.max(0, hitsOldestFirst.length - limit)];
  return blocking === undefined ? 0 : Math.max(1, blocking + windowMs - nowMs);
}

/** The in-memory store (the default): exact sliding windows; idle keys are swept as the store is used. */
export function createMemoryRateLimitStore(): RateLimitStore {
  const logs = new Map<string, HitLog>();
  let operations = 0;

  const current = (key: string, windowMs: number, nowMs: number): HitLog => {
    operations += 1;
    if (operations % SWEEP_EVERY === 0) sweep(nowMs);
    let log = logs.get(key);
    if (!log) {
      log = { hits: [], windowMs };
      logs.set(key, log);
    }
    log.windowMs = windowMs;
    const cutoff = nowMs - windowMs;
    let expired = 0;
    while (expired < log.hits.length && log.hits[expired]! <= cutoff) expired += 1;
    if (expired > 0) log.hits.splice(0, expired);
    return log;
  };

  const sweep = (nowMs: number) => {
    for (const [key, log] of logs) {
      const newest = log.hits.at(-1);
      if (newest === undefined || newest <= nowMs - log.windowMs) logs.delete(key);
    }
  };

  return {
    async acquire(key, limit, windowMs, nowMs) {
      const log = current(key, windowMs, nowMs);
      if (log.hits.length < limit) {
        log.hits.push(nowMs);
        return { allowed: true, count: log.hits.length, retryAfterMs: 0 };
      }
      return { allowed: false, count: log.hits.length, retryAfterMs: retryAfter(log.hits, limit, windowMs, nowMs) };
    },
    async peek(key, limit, windowMs, nowMs) {
      const log = current(key, windowMs, nowMs);
      if (log.hits.length < limit) return { allowed: true, count: log.hits.length, retryAfterMs: 0 };
      return { allowed: false, count: log.hits.length, retryAfterMs: retryAfter(log.hits, limit, windowMs, nowMs) };
    },
    async record(key, windowMs, nowMs) {
      current(key, windowMs, nowMs).hits.push(nowMs);
    },
    async close() {
      logs.clear();
    },
  };
}
