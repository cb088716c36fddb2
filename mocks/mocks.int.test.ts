import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_MOCK_PORTS,
  MOCK_AGENCY_NAMES,
  createPopulationMock,
  startMockAgencies,
  type MockAgencies,
  type MockAgencyName,
} from './index.js';
import { getStats, putFault, resetStats, testClock } from './testing/mock-control.js';
import { TINY, TINY_DATASET } from './testing/tiny-dataset.js';

let agencies: MockAgencies;
const ports = Object.fromEntries(MOCK_AGENCY_NAMES.map((n) => [n, 0])) as Record<MockAgencyName, number>;

beforeAll(async () => {
  agencies = await startMockAgencies(TINY_DATASET, { ports, clock: testClock, faultSeed: 1 });
});
afterAll(async () => {
  await agencies.close();
});

const call = async (agency: MockAgencyName, method: string, path: string, body?: unknown, raw?: string) => {
  const res = await fetch(`${agencies.urls[agency]}${path}`, {
    method,
    headers: body === undefined && raw === undefined ? {} : { 'content-type': 'application/json' },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};
const codeOf = (b: Record<string, unknown>) => b['errorCode'] ?? b['error'] ?? b['maLoi'] ?? b['code'];

describe('startMockAgencies', () => {
  it('starts six agencies on free ports with the default ports documented', () => {
    expect(Object.keys(agencies.urls)).toEqual([...MOCK_AGENCY_NAMES]);
    for (const url of Object.values(agencies.urls)) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+$/);
    expect(DEFAULT_MOCK_PORTS).toEqual({ POPULATION: 4101, LABOR_REGISTRY: 4102, SOCIAL_INSURANCE: 4103, TREASURY: 4104, BANK: 4105, POST: 4106 });
  });

  it('fails cleanly when a port is taken', async () => {
    const taken = Number(new URL(agencies.urls.POPULATION).port);
    await expect(startMockAgencies(TINY_DATASET, { ports: { ...ports, POPULATION: taken } })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});

describe('bad input answers 400 with the agency coded body', () => {
  const tooMany = (n: number) => Array.from({ length: n }, (_, i) => `0790${String(i).padStart(8, '0')}`);
  const cases: [string, MockAgencyName, string, string, unknown, number, string][] = [
    ['population: batch too large', 'POPULATION', 'POST', '/api/v1/citizens:batchGet', { ids: tooMany(1001) }, 400, 'INVALID_ARGUMENT'],
    ['population: malformed id', 'POPULATION', 'POST', '/api/v1/citizens:batchGet', { ids: ['12'] }, 400, 'INVALID_ARGUMENT'],
    ['population: unknown single', 'POPULATION', 'GET', `/api/v1/citizens/${TINY.notInPopulation}`, undefined, 404, 'CITIZEN_NOT_FOUND'],
    ['population: bad submission', 'POPULATION', 'POST', '/api/v1/account-updates', { submissionId: 'x', citizenId: TINY.selfBank }, 400, 'INVALID_ARGUMENT'],
    ['labor: limit too large', 'LABOR_REGISTRY', 'GET', '/registry/v2/beneficiaries?limit=501', undefined, 400, 'invalid_request'],
    ['labor: bad program', 'LABOR_REGISTRY', 'GET', '/registry/v2/beneficiaries?program=LOTTERY', undefined, 400, 'invalid_request'],
    ['labor: bad period', 'LABOR_REGISTRY', 'GET', '/registry/v2/payment-lists?period=2026-13', undefined, 400, 'invalid_request'],
    ['labor: no body', 'LABOR_REGISTRY', 'POST', '/registry/v2/beneficiaries/batch-lookup', undefined, 400, 'invalid_request'],
    ['bhxh: batch too large', 'SOCIAL_INSURANCE', 'POST', '/api/bhxh/v1/tra-cuu/theo-so-dinh-danh', { dsSoDinhDanh: tooMany(501) }, 400, '03'],
    ['bhxh: bad period', 'SOCIAL_INSURANCE', 'GET', '/api/bhxh/v1/danh-sach-chi-tra?kyChiTra=2026-10', undefined, 400, '01'],
    ['bhxh: unknown code', 'SOCIAL_INSURANCE', 'GET', '/api/bhxh/v1/nguoi-huong/3899999999', undefined, 404, '02'],
    ['treasury: too many', 'TREASURY', 'POST', '/treasury/api/v1/funding-orders/query', { paymentListIds: tooMany(201) }, 400, 'TR02'],
    ['treasury: wrong type', 'TREASURY', 'POST', '/treasury/api/v1/funding-orders/query', { paymentListIds: 'LB-1' }, 400, 'TR01'],
    ['bank: no fields', 'BANK', 'POST', '/v2/lookup', {}, 400, '40'],
    ['bank: unsupported bin', 'BANK', 'POST', '/v2/lookup', { bin: '970499', accountNumber: '0011001932418' }, 422, '41'],
    ['bank: bad account number', 'BANK', 'POST', '/v2/lookup', { bin: '970415', accountNumber: '12ab' }, 400, '42'],
    ['bank: unknown account', 'BANK', 'POST', '/v2/lookup', { bin: '970415', accountNumber: '99999999' }, 404, '43'],
    ['bank: too many', 'BANK', 'POST', '/v2/payment-results', { paymentIds: tooMany(1001) }, 400, '44'],
    ['post: no partner', 'POST', 'POST', '/cob-partner/payment/v1/search-result', { requestId: 'r1', paymentIds: ['P1'] }, 400, '03'],
    ['post: too many', 'POST', 'POST', '/cob-partner/payment/v1/search-result', { partnerCode: 'ASXH', requestId: 'r1', paymentIds: tooMany(501) }, 400, '02'],
  ];
  it.each(cases)('%s', async (_name, agency, method, path, body, status, code) => {
    const res = await call(agency, method, path, body);
    expect([res.status, codeOf(res.body)]).toEqual([status, code]);
  });

  it.each(MOCK_AGENCY_NAMES.map((n) => [n]))('%s: invalid JSON, unknown route and wrong method are coded too', async (agency) => {
    const routes: Record<MockAgencyName, string> = {
      POPULATION: '/api/v1/citizens:batchGet',
      LABOR_REGISTRY: '/registry/v2/beneficiaries/batch-lookup',
      SOCIAL_INSURANCE: '/api/bhxh/v1/tra-cuu/theo-so-dinh-danh',
      TREASURY: '/treasury/api/v1/funding-orders/query',
      BANK: '/v2/payment-results',
      POST: '/cob-partner/payment/v1/search-result',
    };
    const invalid = await call(agency, 'POST', routes[agency], undefined, '{"ids": [');
    const unknown = await call(agency, 'GET', '/no/such/route');
    const wrong = await call(agency, 'DELETE', routes[agency]);
    expect([invalid.status, unknown.status, wrong.status]).toEqual([400, 404, 405]);
    for (const r of [invalid, unknown, wrong]) expect(typeof codeOf(r.body)).toBe('string');
  });

  it('the Post echoes the request id in its errors', async () => {
    const res = await call('POST', 'POST', '/cob-partner/payment/v1/search-result', { partnerCode: 'ASXH', requestId: 'req-echo', paymentIds: [] });
    expect([res.status, res.body]).toEqual([400, { code: '01', message: res.body['message'], requestId: 'req-echo' }]);
  });
});

describe('control plane', () => {
  const url = () => agencies.urls.TREASURY;
  const query = { paymentListIds: ['LB-2026-10-16216-SA-970415'] };

  it('refuses malformed faults and reports the fault in force', async () => {
    for (const bad of [{}, { mode: 'slow' }, { mode: 'flaky', errorRate: 2 }, { mode: 'melt' }]) {
      const res = await fetch(`${url()}/__control/faults`, { method: 'PUT', body: JSON.stringify(bad) });
      expect([res.status, ((await res.json()) as { code: string }).code]).toEqual([400, 'INVALID_FAULT']);
    }
    await putFault(url(), { mode: 'slow', latencyMs: 10 });
    expect(await (await fetch(`${url()}/__control/faults`)).json()).toEqual({ mode: 'slow', latencyMs: 10 });
    await fetch(`${url()}/__control/faults`, { method: 'DELETE' });
    expect(await (await fetch(`${url()}/__control/faults`)).json()).toEqual({ mode: 'none' });
  });

  it('down answers 503 in the agency idiom; control routes stay up and uncounted', async () => {
    await resetStats(url());
    await putFault(url(), { mode: 'down' });
    const res = await call('TREASURY', 'POST', '/treasury/api/v1/funding-orders/query', query);
    expect([res.status, codeOf(res.body)]).toEqual([503, 'TR99']);
    expect(await getStats(url())).toEqual({ requests: 1, byRoute: { 'POST /treasury/api/v1/funding-orders/query': 1 } });
    await fetch(`${url()}/__control/faults`, { method: 'DELETE' });
    expect((await call('TREASURY', 'POST', '/treasury/api/v1/funding-orders/query', query)).status).toBe(200);
  });

  it('flaky failures repeat with the same seed', async () => {
    const run = async () => {
      await putFault(url(), { mode: 'flaky', errorRate: 0.5, seed: 99 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await call('TREASURY', 'POST', '/treasury/api/v1/funding-orders/query', query)).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([200, 503]));
    await fetch(`${url()}/__control/faults`, { method: 'DELETE' });
  });

  it('unknown paths are counted as UNMATCHED, never by their path', async () => {
    await resetStats(url());
    await call('TREASURY', 'GET', `/treasury/${TINY.selfBank}`);
    expect(await getStats(url())).toEqual({ requests: 1, byRoute: { UNMATCHED: 1 } });
  });
});

describe('close()', () => {
  it('ends hanging requests of the timeout fault and idle keep-alive sockets', async () => {
    const mock = createPopulationMock(TINY_DATASET, { clock: testClock });
    const url = await mock.listen(0);
    await fetch(`${url}/api/v1/citizens/${TINY.selfBank}`).then((r) => r.json());
    mock.setFault({ mode: 'timeout' });
    const hanging = fetch(`${url}/api/v1/citizens/${TINY.selfBank}`).then(
      () => 'answered',
      () => 'ended',
    );
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    await mock.close();
    // The fault would hold the socket for a minute; closing must not wait for it.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await hanging).toBe('ended');
  });

  it('ends a slow fault without waiting for its latency', async () => {
    const mock = createPopulationMock(TINY_DATASET, { clock: testClock });
    const url = await mock.listen(0);
    mock.setFault({ mode: 'slow', latencyMs: 60_000 });
    const pending = fetch(`${url}/api/v1/citizens/${TINY.selfBank}`).then(
      () => 'answered',
      () => 'ended',
    );
    await new Promise((r) => setTimeout(r, 50));
    const started = performance.now();
    await mock.close();
    // The fault would hold the socket for a minute; closing must not wait for it.
    expect(performance.now() - started).toBeLessThan(2000);
    expect(await pending).toBe('ended');
  });
});
