import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPopulationMock, type MockServer } from '../../mocks/index.js';
import { AgencyHttpClient } from '../shared/index.js';
import { codeOf, describeFaultBehaviour, rejectionOf, TEST_CLIENT, testClient } from '../../mocks/testing/fault-suite.js';
import { clearFault, getStats, putFault, resetStats, testClock, TEST_NOW } from '../../mocks/testing/mock-control.js';
import { TINY, TINY_DATASET } from '../../mocks/testing/tiny-dataset.js';
import type { AccountUpdateSubmission, PopulationPerson } from './index.js';
import { createPopulationHttpAdapter } from './index.js';

const BATCH_ROUTE = 'POST /api/v1/citizens:batchGet';
const personOf = (id: string): PopulationPerson => {
  const p = TINY_DATASET.population.find((x) => x.citizenId === id);
  if (!p) throw new Error('no such person in the tiny data set');
  return p;
};
/** Well-formed IDs nobody holds, to fill large batches. */
const unknownIds = (n: number) => Array.from({ length: n }, (_, i) => `079${String(300_000_000 + i).padStart(9, '0')}`);

let mock: MockServer;
let url = '';

beforeAll(async () => {
  mock = createPopulationMock(TINY_DATASET, { clock: testClock, faultSeed: 3 });
  url = await mock.listen(0);
});
afterAll(async () => {
  await mock.close();
});

describe('population HTTP adapter against its mock', () => {
  beforeEach(async () => {
    await clearFault(url);
    await resetStats(url);
  });

  it('getCitizens maps every field, leaves unknown IDs out, in one request', async () => {
    const adapter = createPopulationHttpAdapter(testClient('POPULATION', url));
    const ids = [TINY.selfBank, TINY.deceased, TINY.pensionOnly, TINY.notInPopulation, TINY.selfBank, 'not-an-id'];
    const found = await adapter.getCitizens(ids);
    expect(found).toEqual(
      new Map([
        [TINY.selfBank, personOf(TINY.selfBank)],
        [TINY.deceased, personOf(TINY.deceased)],
        [TINY.pensionOnly, personOf(TINY.pensionOnly)],
      ]),
    );
    expect(found.get(TINY.deceased)).toEqual({
      citizenId: TINY.deceased,
      fullName: 'Đỗ Thị Em',
      dateOfBirth: '1940-01-15',
      sex: 'FEMALE',
      vitalStatus: 'DECEASED',
      dateOfDeath: '2026-08-02',
      permanentAddress: { communeCode: '16216', provinceCode: '38', line: null },
      phoneMasked: null,
    });
    expect(await getStats(url)).toEqual({ requests: 1, byRoute: { [BATCH_ROUTE]: 1 } });
  });

  it('getCitizens sends nothing for no IDs', async () => {
    const adapter = createPopulationHttpAdapter(testClient('POPULATION', url));
    expect(await adapter.getCitizens([])).toEqual(new Map());
    expect((await getStats(url)).requests).toBe(0);
  });

  it('getCitizens costs one request up to the maximum batch and chunks beyond it', async () => {
    const adapter = createPopulationHttpAdapter(testClient('POPULATION', url));
    const full = [TINY.selfBank, ...unknownIds(999)];
    expect(await adapter.getCitizens(full)).toEqual(new Map([[TINY.selfBank, personOf(TINY.selfBank)]]));
    expect((await getStats(url)).byRoute).toEqual({ [BATCH_ROUTE]: 1 });

    await resetStats(url);
    expect(await adapter.getCitizens([...full, TINY.guardian])).toEqual(
      new Map([
        [TINY.selfBank, personOf(TINY.selfBank)],
        [TINY.guardian, personOf(TINY.guardian)],
      ]),
    );
    expect((await getStats(url)).byRoute).toEqual({ [BATCH_ROUTE]: 2 });
  });

  it('getCitizens runs chunks of a configured size in parallel', async () => {
    const adapter = createPopulationHttpAdapter(testClient('POPULATION', url), { batchSize: 3 });
    const ids = TINY_DATASET.population.map((p) => p.citizenId);
    const found = await adapter.getCitizens(ids);
    expect(found).toEqual(new Map(TINY_DATASET.population.map((p) => [p.citizenId, p])));
    expect((await getStats(url)).byRoute).toEqual({ [BATCH_ROUTE]: 3 });
  });

  it('submitAccountUpdate: accepted, replayed, refused for deceased and unknown people', async () => {
    const adapter = createPopulationHttpAdapter(testClient('POPULATION', url));
    const update: AccountUpdateSubmission = {
      submissionId: 'sub-accept-0001',
      citizenId: TINY.selfBank,
      method: 'BANK_ACCOUNT',
      providerCode: '970415',
      accountNumber: '0011001932418',
      recipientRole: 'SELF',
      recipientCitizenId: TINY.selfBank,
    };
    const first = await adapter.submitAccountUpdate(update);
    expect(first).toEqual({ submissionId: 'sub-accept-0001', status: 'ACCEPTED', reference: 'CSDLQG-00000001', reason: null });
    expect(await adapter.submitAccountUpdate(update)).toEqual(first);

    expect(await adapter.submitAccountUpdate({ ...update, submissionId: 'sub-deceased-01', citizenId: TINY.deceased, recipientCitizenId: TINY.deceased })).toEqual({
      submissionId: 'sub-deceased-01',
      status: 'REFUSED',
      reference: null,
      reason: 'CITIZEN_DECEASED',
    });
    expect(
      await adapter.submitAccountUpdate({ ...update, submissionId: 'sub-unknown-01', citizenId: TINY.notInPopulation, recipientCitizenId: TINY.notInPopulation }),
    ).toEqual({ submissionId: 'sub-unknown-01', status: 'REFUSED', reference: null, reason: 'CITIZEN_NOT_FOUND' });

    const res = await fetch(`${url}/api/v1/account-updates/sub-accept-0001`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      submissionId: 'sub-accept-0001',
      state: 'ACCEPTED',
      referenceNumber: 'CSDLQG-00000001',
      refusalReason: null,
      receivedAt: TEST_NOW.toISOString(),
    });
  });

  it('submitAccountUpdate: a submissionId reused with other content is REJECTED', async () => {
    const adapter = createPopulationHttpAdapter(testClient('POPULATION', url));
    const update: AccountUpdateSubmission = {
      submissionId: 'sub-conflict-01',
      citizenId: TINY.selfBank,
      method: 'POST_OFFICE_CASH',
      providerCode: 'VNPOST',
      accountNumber: null,
      recipientRole: 'SELF',
      recipientCitizenId: TINY.selfBank,
    };
    await adapter.submitAccountUpdate(update);
    const e = await rejectionOf(adapter.submitAccountUpdate({ ...update, method: 'HOME_DELIVERY' }));
    expect(codeOf(e)).toEqual({ code: 'REJECTED', agency: 'POPULATION', agencyCode: 'SUBMISSION_CONFLICT' });
  });
});

describe('agency HTTP client fixes, seen through the population adapter', () => {
  beforeEach(async () => {
    await clearFault(url);
    await resetStats(url);
  });

  it('a refusal between failures resets the breaker count (the agency answered)', async () => {
    const client = testClient('POPULATION', url, { retries: 0 });
    const adapter = createPopulationHttpAdapter(client);
    await putFault(url, { mode: 'down' });
    for (let i = 0; i < TEST_CLIENT.breakerThreshold - 1; i++) await rejectionOf(adapter.getCitizens([TINY.selfBank]));
    await clearFault(url);
    expect(codeOf(await rejectionOf(client.request({ method: 'GET', path: `/api/v1/citizens/${TINY.notInPopulation}` })))).toEqual({
      code: 'NOT_FOUND',
      agency: 'POPULATION',
      agencyCode: 'CITIZEN_NOT_FOUND',
    });
    await putFault(url, { mode: 'down' });
    for (let i = 0; i < TEST_CLIENT.breakerThreshold - 1; i++) await rejectionOf(adapter.getCitizens([TINY.selfBank]));
    expect(client.circuitState).toBe('closed');
  });

  it('a base URL with a path keeps it', async () => {
    const seen: string[] = [];
    const viaGateway: typeof fetch = (input, init) => {
      const u = new URL(input instanceof Request ? input.url : String(input));
      seen.push(u.pathname);
      u.pathname = u.pathname.replace(/^\/gw/, '');
      return fetch(u, init);
    };
    const client = new AgencyHttpClient('POPULATION', { ...TEST_CLIENT, baseUrl: `${url}/gw/` }, viaGateway);
    expect(await createPopulationHttpAdapter(client).getCitizens([TINY.guardian])).toEqual(new Map([[TINY.guardian, personOf(TINY.guardian)]]));
    expect(seen).toEqual(['/gw/api/v1/citizens:batchGet']);
  });
});

let writes = 0;
describeFaultBehaviour({
  agency: 'POPULATION',
  url: () => url,
  read: (client, ctx) => createPopulationHttpAdapter(client).getCitizens([TINY.selfBank, TINY.guardian], ctx),
  dedupWrite: (client, n) =>
    createPopulationHttpAdapter(client).submitAccountUpdate({
      submissionId: `sub-flaky-${n}-${(writes += 1)}`,
      citizenId: TINY.selfBank,
      method: 'POST_OFFICE_CASH',
      providerCode: 'VNPOST',
      accountNumber: null,
      recipientRole: 'SELF',
      recipientCitizenId: TINY.selfBank,
    }),
  plainRequest: { method: 'POST', path: '/api/v1/citizens:batchGet', body: { ids: [TINY.selfBank] } },
});
