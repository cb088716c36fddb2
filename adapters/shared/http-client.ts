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

/** Appends a path to a base URL that may itself carry a path (`new URL('/x', 'https://h/api/')` would drop `/api`). */
function joinUrl(baseUrl: string, path: string): URL {
  return new URL(baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`));
}

/** A healthy non-2xx answer carried through the breaker as a value. */
class Answered {
  constructor(readonly error: AgencyNotFoundError | AgencyRejectedError) {}
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
    // A 404 or 4xx is a healthy answer: it goes through the breaker as a value so it resets the failure count
    // (cockatiel would otherwise let it pass without counting it either way), and is thrown again outside.
    const once = () => this.attempt<T>(req, correlationId, deadline).catch((e: unknown) => {
      if (e instanceof AgencyNotFoundError || e instanceof AgencyRejectedError) return new Answered(e);
      throw e;
    });
    const guarded = async (): Promise<T> => {
      // A retry whose backoff outlived the budget is our timeout, not a failure of the agency: keep it off the breaker.
      if (deadline.aborted) throw new AgencyTimeoutError(this.agency, this.config.timeoutMs);
      const out = await this.breaker.execute(once).catch((e: unknown) => {
        if (e instanceof BrokenCircuitError) throw new AgencyUnavailableError(this.agency, 'circuit open', { cause: e });
        throw e;
      });
      if (out instanceof Answered) throw out.error;
      return out;
    };
    if (!idempotent) return guarded();
    return this.withinBudget(this.retryPolicy.execute(guarded, deadline), deadline);
  }

  /** Cockatiel's backoff sleep ignores the signal, so the budget is enforced around the whole retry loop. */
  private withinBudget<T>(run: Promise<T>, deadline: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => reject(new AgencyTimeoutError(this.agency, this.config.timeoutMs, { cause: deadline.reason }));
      if (deadline.aborted) onAbort();
      else deadline.addEventListener('abort', onAbort, { once: true });
      run.then(
        (v) => {
          deadline.removeEventListener('abort', onAbort);
          resolve(v);
        },
        (e: unknown) => {
          deadline.removeEventListener('abort', onAbort);
          reject(e);
        },
      );
    });
  }

  private async attempt<T>(req: AgencyRequest, correlationId: string, deadline: AbortSignal): Promise<T> {
    if (deadline.aborted) throw new AgencyTimeoutError(this.agency, this.config.timeoutMs);
    const headers: Record<string, string> = { accept: 'application/json', 'x-correlation-id': correlationId, ...req.headers };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await this.fetchImpl(joinUrl(this.config.baseUrl, req.path), {
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
