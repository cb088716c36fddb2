import type { Fault } from '../shared/fault-control.js';
import type { MockStats, RecordedRequest } from '../shared/mock-server.js';

async function controlCall<T>(baseUrl: string, method: 'GET' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${baseUrl}/__control/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`control ${method} ${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

/** `PUT /__control/faults`, as outside tools do it. */
export const putFault = (baseUrl: string, fault: Fault): Promise<Fault> => controlCall(baseUrl, 'PUT', 'faults', fault);
/** `DELETE /__control/faults`. */
export const clearFault = (baseUrl: string): Promise<unknown> => controlCall(baseUrl, 'DELETE', 'faults');
/** `GET /__control/stats`. */
export const getStats = (baseUrl: string): Promise<MockStats> => controlCall(baseUrl, 'GET', 'stats');
/** `DELETE /__control/stats`. */
export const resetStats = (baseUrl: string): Promise<MockStats> => controlCall(baseUrl, 'DELETE', 'stats');
/** `GET /__control/requests`. */
export const getRecentRequests = async (baseUrl: string): Promise<readonly RecordedRequest[]> =>
  (await controlCall<{ requests: RecordedRequest[] }>(baseUrl, 'GET', 'requests')).requests;

/** The clock the tests give the mocks. */
export const TEST_NOW = new Date('2026-11-15T03:00:00.000Z');
export const testClock = (): Date => TEST_NOW;
