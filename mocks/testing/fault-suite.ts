import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgencyHttpClient, isAgencyError, type AgencyClientConfig, type AgencyRequest } from '../../adapters/shared/index.js';
import type { CallContext } from '../../adapters/shared/types.js';
import { clearFault, getRecentRequests, getStats, putFault, resetStats } from './mock-control.js';

/** Short settings so fault tests finish in well under a second each. */
export const TEST_CLIENT: Omit<AgencyClientConfig, 'baseUrl'> = Object.freeze({
  timeoutMs: 200,
  retries: 2,
  retryInitialDelayMs: 5,
  retryMaxDelayMs: 20,
  breakerThreshold: 3,
  breakerHalfOpenAfterMs: 250,
});

/**
 * How far past its budget a TIMEOUT may surface (event loop, socket teardown, a busy 2-core CI machine). The
 * faults below last far longer (5 s), so the assertion still tells "gave up at the budget" from "waited it out".
 */
export const TIMEOUT_MARGIN_MS = 1500;

/** A fresh client (fresh breaker) against a mock. */
export function testClient(agency: string, baseUrl: string, overrides: Partial<AgencyClientConfig> = {}): AgencyHttpClient {
  return new AgencyHttpClient(agency, { ...TEST_CLIENT, baseUrl, ...overrides });
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejectionOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
}

/** Code and agency of an AgencyError, for whole-value assertions. */
export function codeOf(e: unknown): { code: string; agency: string; agencyCode: string | undefined } | 'not an AgencyError' {
  return isAgencyError(e) ? { code: e.code, agency: e.agency, agencyCode: e.agencyCode } : 'not an AgencyError';
}

export interface FaultSuiteTarget {
  readonly agency: string;
  /** The mock's base URL (read when the tests run, after it listens). */
  url(): string;
  /** One adapter read that costs exactly one request when the mock is healthy. */
  read(client: AgencyHttpClient, ctx?: CallContext): Promise<unknown>;
  /** An adapter write the agency deduplicates (so it is retried); `n` makes each call distinct. */
  dedupWrite?(client: AgencyHttpClient, n: number): Promise<unknown>;
  /** A valid request to send without the idempotent flag: it must never be retried. */
  readonly plainRequest: AgencyRequest;
}

/**
 * Fault behaviour of one adapter against its mock, through the control routes as running.md describes them.
 * The tests share the mock's fault state, so they run one after the other (vitest's default inside a file).
 */
export function describeFaultBehaviour(target: FaultSuiteTarget): void {
  describe(`${target.agency} under injected faults`, () => {
    const url = () => target.url();
    const requests = async () => (await getStats(url())).requests;

    beforeEach(async () => {
      await clearFault(url());
      await resetStats(url());
    });
    afterEach(() => {
      vi.restoreAllMocks();
    });

    it('down: UNAVAILABLE after the retries, each reaching the mock', async () => {
      await putFault(url(), { mode: 'down' });
      const e = await rejectionOf(target.read(testClient(target.agency, url(), { breakerThreshold: 100 })));
      expect(codeOf(e)).toEqual({ code: 'UNAVAILABLE', agency: target.agency, agencyCode: undefined });
      expect(await requests()).toBe(TEST_CLIENT.retries + 1);
    });

    it('slow beyond the budget: TIMEOUT within the budget', async () => {
      await putFault(url(), { mode: 'slow', latencyMs: 5000 });
      const started = performance.now();
      const e = await rejectionOf(target.read(testClient(target.agency, url())));
      const elapsed = performance.now() - started;
      expect(codeOf(e)).toEqual({ code: 'TIMEOUT', agency: target.agency, agencyCode: undefined });
      expect(elapsed).toBeGreaterThanOrEqual(TEST_CLIENT.timeoutMs - 5);
      expect(elapsed).toBeLessThan(TEST_CLIENT.timeoutMs + TIMEOUT_MARGIN_MS);
      expect(await requests()).toBe(1);
    });

    it('slow within the budget: answers', async () => {
      await putFault(url(), { mode: 'slow', latencyMs: 50 });
      const started = performance.now();
      await target.read(testClient(target.agency, url()));
      expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    });

    it('timeout: TIMEOUT within the budget', async () => {
      await putFault(url(), { mode: 'timeout' });
      const started = performance.now();
      const e = await rejectionOf(target.read(testClient(target.agency, url())));
      const elapsed = performance.now() - started;
      expect(codeOf(e)).toEqual({ code: 'TIMEOUT', agency: target.agency, agencyCode: undefined });
      expect(elapsed).toBeLessThan(TEST_CLIENT.timeoutMs + TIMEOUT_MARGIN_MS);
      expect(await requests()).toBe(1);
    });

    it('a retry backoff that outlives the budget surfaces TIMEOUT within the budget', async () => {
      // Pins cockatiel's jitter so the first backoff is the full 5 s: without the budget guard it would be waited out.
      vi.spyOn(Math, 'random').mockReturnValue(0.99);
      await putFault(url(), { mode: 'flaky', errorRate: 1 });
      const client = testClient(target.agency, url(), { retries: 5, retryInitialDelayMs: 5000, retryMaxDelayMs: 5000, breakerThreshold: 100 });
      const started = performance.now();
      const e = await rejectionOf(target.read(client));
      expect(codeOf(e)).toEqual({ code: 'TIMEOUT', agency: target.agency, agencyCode: undefined });
      expect(performance.now() - started).toBeLessThan(TEST_CLIENT.timeoutMs + TIMEOUT_MARGIN_MS);
      expect(await requests()).toBe(1);
    });

    it('flaky: reads are retried and succeed', async () => {
      await putFault(url(), { mode: 'flaky', errorRate: 0.3, seed: 42 });
      const client = testClient(target.agency, url(), { retries: 4, breakerThreshold: 100 });
      const calls = 20;
      for (let i = 0; i < calls; i++) await target.read(client);
      const n = await requests();
      expect(n).toBeGreaterThan(calls);
      expect(n).toBeLessThanOrEqual(calls * 5);
    });

    it('flaky: a request not marked idempotent is never retried', async () => {
      await putFault(url(), { mode: 'flaky', errorRate: 0.5, seed: 42 });
      const client = testClient(target.agency, url(), { breakerThreshold: 100 });
      const calls = 20;
      const outcomes = await Promise.allSettled(
        Array.from({ length: calls }, () => client.request({ ...target.plainRequest, idempotent: false })),
      );
      const failed = outcomes.filter((o) => o.status === 'rejected');
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.length).toBeLessThan(calls);
      expect(failed.map((o) => codeOf((o as PromiseRejectedResult).reason))).toEqual(
        failed.map(() => ({ code: 'UNAVAILABLE', agency: target.agency, agencyCode: undefined })),
      );
      expect(await requests()).toBe(calls);
    });

    if (target.dedupWrite) {
      const write = target.dedupWrite;
      it('flaky: writes the agency deduplicates are retried and succeed', async () => {
        await putFault(url(), { mode: 'flaky', errorRate: 0.3, seed: 7 });
        const client = testClient(target.agency, url(), { retries: 4, breakerThreshold: 100 });
        const calls = 10;
        for (let i = 0; i < calls; i++) await write(client, i);
        expect(await requests()).toBeGreaterThan(calls);
      });
    }

    it('breaker: opens after the threshold, fails fast, closes after the half-open delay', async () => {
      const client = testClient(target.agency, url(), { retries: 0 });
      await putFault(url(), { mode: 'down' });
      for (let i = 0; i < TEST_CLIENT.breakerThreshold; i++) {
        expect(codeOf(await rejectionOf(target.read(client)))).toEqual({ code: 'UNAVAILABLE', agency: target.agency, agencyCode: undefined });
      }
      expect(client.circuitState).toBe('open');
      expect(await requests()).toBe(TEST_CLIENT.breakerThreshold);

      const started = performance.now();
      expect(codeOf(await rejectionOf(target.read(client)))).toEqual({ code: 'UNAVAILABLE', agency: target.agency, agencyCode: undefined });
      expect(performance.now() - started).toBeLessThan(100);
      expect(await requests()).toBe(TEST_CLIENT.breakerThreshold);

      await clearFault(url());
      await new Promise((r) => setTimeout(r, TEST_CLIENT.breakerHalfOpenAfterMs + 30));
      await target.read(client);
      expect(client.circuitState).toBe('closed');
      expect(await requests()).toBe(TEST_CLIENT.breakerThreshold + 1);
    });

    it('the correlation id reaches the mock', async () => {
      await target.read(testClient(target.agency, url()), { correlationId: 'corr-test-0001' });
      expect((await getRecentRequests(url())).map((r) => r.correlationId)).toEqual(['corr-test-0001']);
    });
  });
}
