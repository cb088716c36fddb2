import { randomUUID } from 'node:crypto';
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  circuitBreaker,
  handleWhen,
  retry,
  type CircuitBreakerPolicy,
  type RetryPolicy,
} from 'cockatiel';
import {
  AgencyError,
  AgencyNotFoundError,
  AgencyRejectedError,
  AgencyTimeoutError,
  AgencyUnavailableError,
} from './agency-error.js';

/** Resilience settings of one agency; every duration comes from config so tests can shorten it. */
export interface AgencyClientConfig {
  readonly baseUrl: string;
  /** Budget of one call, retries included. */
  readonly timeoutMs: number;
  /** Extra attempts for idempotent reads after a 5xx or network failure. */
  readonly retries: number;
  readonly retryInitialDelayMs: number;
  readonly retryMaxDelayMs: number;
  /** Consecutive failures that open the circuit. */
  readonly breakerThreshold: number;
  /** Time the circuit stays open before one trial call. */
  readonly breakerHalfOpenAfterMs: number;
}

export const DEFAULT_AGENCY_CLIENT: Omit<AgencyClientConfig, 'baseUrl'> = Object.freeze({
  timeoutMs: 5000,
  retries: 2,
  retryInitialDelayMs: 50,
  retryMaxDelayMs: 500,
  breakerThreshold: 5,
  breakerHalfOpenAfterMs: 10_000,
});

export interface AgencyRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path and query, appended to the base URL. */
  readonly path: string;
  readonly body?: unknown;
  /** Reads are retried; writes only when the agency deduplicates them (an idempotency key). */
  readonly idempotent?: boolean;
  /** Propagated as `x-correlation-id`; a fresh one when absent. */
  readonly correlationId?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Statuses that mean "no such record" rather than failure. */
const NOT_FOUND = 404;

/** Pulls an agency's own error code out of a JSON error body, whatever its idiom. */
function agencyCodeOf(body: unknown): string | undefined {
  if (body && typeof body === 'object') {
    const b = body as Record<string, unknown>;
    for (const k of ['code', 'errorCode', 'maLoi', 'error']) {
      const v = b[k];
      if (typeof v === 'string' || typeof v === 'number') return String(v);
    }
  }
  return undefined;
}

/**
 * HTTP/JSON client of one agency: a time budget per call, retries with decorrelated jitter for idempotent
 * calls only, a consecutive-failure circuit breaker, a correlation id, and coded `AgencyError`s.
 */
export class AgencyHttpClient {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly retryPolicy: RetryPolicy;

  constructor(
    readonly agency: string,
    private readonly config: AgencyClientConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    this.breaker = circuitBreaker(
      handleWhen((e) => e instanceof AgencyUnavailableError || e instanceof AgencyTimeoutError),
      { halfOpenAfter: config.breakerHalfOpenAfterMs, breaker: new ConsecutiveBreaker(config.breakerThreshold) },
    );
    this.retryPolicy = retry(
      handleWhen((e) => e instanceof AgencyUnavailableError && !(e.cause instanceof BrokenCircuitError)),
      {
        maxAttempts: config.retries,
        backoff: new ExponentialBackoff({ initialDelay: config.retryInitialDelayMs, maxDelay: config.retryMaxDelayMs }),
      },
    );
  }

  /** The breaker's state, for readiness reports and tests. */
  get circuitState(): 'closed' | 'open' | 'half-open' {
    const s = this.breaker.state;
    return s === CircuitState.Closed ? 'closed' : s === CircuitState.HalfOpen ? 'half-open' : 'open';
  }

  /** Sends one request and returns its parsed JSON body; throws an `AgencyError` on any failure. */
  async request<T>(req: AgencyRequest): Promise<T> {
    const idempotent = req.idempotent ?? req.method === 'GET';
    const deadline = AbortSignal.timeout(this.config.timeoutMs);
    const correlationId = req.correlationId ?? randomUUID();
    const once = () => this.attempt<T>(req, correlationId, deadline);
    const guarded = () =>
      this.breaker.execute(once).catch((e: unknown) => {
        if (e instanceof BrokenCircuitError) throw new AgencyUnavailableError(this.agency, 'circuit open', { cause: e });
        throw e;
      });
    return idempotent ? this.retryPolicy.execute(guarded) : guarded();
  }

  private async attempt<T>(req: AgencyRequest, correlationId: string, deadline: AbortSignal): Promise<T> {
    if (deadline.aborted) throw new AgencyTimeoutError(this.agency, this.config.timeoutMs);
    const headers: Record<string, string> = { accept: 'application/json', 'x-correlation-id': correlationId, ...req.headers };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await this.fetchImpl(new URL(req.path, this.config.baseUrl), {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: deadline,
      });
    } catch (cause) {
      if (deadline.aborted) throw new AgencyTimeoutError(this.agency, this.config.timeoutMs, { cause });
      throw new AgencyUnavailableError(this.agency, 'request failed', { cause });
    }
    let body: unknown;
    try {
      const text = await res.text();
      body = text === '' ? undefined : JSON.parse(text);
    } catch (cause) {
      if (deadline.aborted) throw new AgencyTimeoutError(this.agency, this.config.timeoutMs, { cause });
      throw new AgencyUnavailableError(this.agency, `unreadable answer (HTTP ${res.status})`, { cause });
    }
    if (res.ok) return body as T;
    const agencyCode = agencyCodeOf(body);
    if (res.status === NOT_FOUND) throw new AgencyNotFoundError(this.agency, 'not found', { agencyCode });
    if (res.status >= 500 || res.status === 429) throw new AgencyUnavailableError(this.agency, `HTTP ${res.status}`);
    throw new AgencyRejectedError(this.agency, `HTTP ${res.status}`, { agencyCode });
  }
}

export { AgencyError };
