/** A fault injected into a mock agency (running.md, "Fault control"). */
export type Fault =
  | { readonly mode: 'down' }
  | { readonly mode: 'slow'; readonly latencyMs: number }
  | { readonly mode: 'flaky'; readonly errorRate: number; readonly seed?: number }
  | { readonly mode: 'timeout' };

const MAX_LATENCY_MS = 600_000;

/** Parses a `PUT /__control/faults` body; a string is the reason it was refused. */
export function parseFault(body: unknown): Fault | string {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return 'body must be a JSON object';
  const b = body as Record<string, unknown>;
  switch (b['mode']) {
    case 'down':
      return { mode: 'down' };
    case 'timeout':
      return { mode: 'timeout' };
    case 'slow': {
      const latencyMs = b['latencyMs'];
      if (typeof latencyMs !== 'number' || !Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
        return `latencyMs must be an integer in 0..${MAX_LATENCY_MS}`;
      }
      return { mode: 'slow', latencyMs };
    }
    case 'flaky': {
      const errorRate = b['errorRate'];
      if (typeof errorRate !== 'number' || !(errorRate >= 0 && errorRate <= 1)) return 'errorRate must be a number in 0..1';
      const seed = b['seed'];
      if (seed === undefined) return { mode: 'flaky', errorRate };
      if (typeof seed !== 'number' || !Number.isSafeInteger(seed)) return 'seed must be an integer';
      return { mode: 'flaky', errorRate, seed };
    }
    default:
      return 'mode must be one of down, slow, flaky, timeout';
  }
}

/** mulberry32: a tiny seeded PRNG, enough to make flaky failures reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The fault in force on one mock; setting a flaky fault restarts its PRNG so each run fails the same requests. */
export class FaultState {
  private fault: Fault | null = null;
  private random: () => number;

  constructor(private readonly defaultSeed: number) {
    this.random = seededRandom(defaultSeed);
  }

  get current(): Fault | null {
    return this.fault;
  }

  set(fault: Fault | null): void {
    this.fault = fault;
    this.random = seededRandom(fault?.mode === 'flaky' && fault.seed !== undefined ? fault.seed : this.defaultSeed);
  }

  /** Draws once: true when this request of a flaky fault must fail. */
  flakyFails(errorRate: number): boolean {
    return this.random() < errorRate;
  }
}
