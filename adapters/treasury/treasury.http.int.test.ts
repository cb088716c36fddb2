import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTreasuryMock, type MockServer } from '../../mocks/index.js';
import { describeFaultBehaviour, testClient } from '../../mocks/testing/fault-suite.js';
import { clearFault, getStats, resetStats, testClock } from '../../mocks/testing/mock-control.js';
import { TINY_DATASET } from '../../mocks/testing/tiny-dataset.js';
import { createTreasuryHttpAdapter } from './index.js';

const ROUTE = 'POST /treasury/api/v1/funding-orders/query';

let mock: MockServer;
let url = '';

beforeAll(async () => {
  mock = createTreasuryMock(TINY_DATASET, { clock: testClock, faultSeed: 13 });
  url = await mock.listen(0);
});
afterAll(async () => {
  await mock.close();
});

describe('treasury HTTP adapter against its mock', () => {
  beforeEach(async () => {
    await clearFault(url);
    await resetStats(url);
  });

  it('getOrders maps every order, leaves lists without one out, in one request', async () => {
    const adapter = createTreasuryHttpAdapter(testClient('TREASURY', url));
    const listIds = [...TINY_DATASET.laborLists, ...TINY_DATASET.insuranceLists].map((l) => l.id);
    expect(await adapter.getOrders(listIds)).toEqual(new Map(TINY_DATASET.treasuryOrders.map((o) => [o.listId, o])));
    expect((await adapter.getOrders(['LB-2026-10-00004-SA-970436'])).get('LB-2026-10-00004-SA-970436')).toEqual({
      reference: 'KB-2026-10-0003',
      listId: 'LB-2026-10-00004-SA-970436',
      amount: 500_000,
      status: 'REJECTED',
      createdAt: '2026-10-02T08:00:00+07:00',
      transferredAt: null,
      rejectReason: 'SAI_THONG_TIN_DON_VI_CHI_TRA',
    });
    expect(await getStats(url)).toEqual({ requests: 2, byRoute: { [ROUTE]: 2 } });
  });

  it('getOrders costs one request up to the maximum batch and chunks beyond it', async () => {
    const adapter = createTreasuryHttpAdapter(testClient('TREASURY', url));
    const ids = Array.from({ length: 199 }, (_, i) => `LB-NONE-${i}`);
    expect(await adapter.getOrders(['LB-2026-10-16216-SA-970415', ...ids])).toEqual(
      new Map([['LB-2026-10-16216-SA-970415', TINY_DATASET.treasuryOrders[0]]]),
    );
    expect((await getStats(url)).byRoute).toEqual({ [ROUTE]: 1 });
    await resetStats(url);
    await adapter.getOrders(['LB-2026-10-16216-SA-970415', 'LB-EXTRA', ...ids]);
    expect((await getStats(url)).byRoute).toEqual({ [ROUTE]: 2 });
  });

  it('getOrders sends nothing for no ids', async () => {
    expect(await createTreasuryHttpAdapter(testClient('TREASURY', url)).getOrders([])).toEqual(new Map());
    expect((await getStats(url)).requests).toBe(0);
  });
});

describeFaultBehaviour({
  agency: 'TREASURY',
  url: () => url,
  read: (client, ctx) => createTreasuryHttpAdapter(client).getOrders(['LB-2026-10-16216-SA-970415'], ctx),
  plainRequest: { method: 'POST', path: '/treasury/api/v1/funding-orders/query', body: { paymentListIds: ['LB-2026-10-16216-SA-970415'] } },
});
