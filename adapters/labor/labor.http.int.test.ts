import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../mocks/fixtures/dataset.js';
import { createLaborMock, type MockServer } from '../../mocks/index.js';
import { codeOf, describeFaultBehaviour, rejectionOf, testClient } from '../../mocks/testing/fault-suite.js';
import { clearFault, getStats, resetStats, testClock } from '../../mocks/testing/mock-control.js';
import { TINY, TINY_COMMUNE_01, TINY_COMMUNE_38, TINY_DATASET } from '../../mocks/testing/tiny-dataset.js';
import type { PaymentMethodUpdate } from '../shared/types.js';
import type { RegistryBeneficiary } from './index.js';
import { createLaborHttpAdapter } from './index.js';

const BATCH_ROUTE = 'POST /registry/v2/beneficiaries/batch-lookup';
const SEARCH_ROUTE = 'GET /registry/v2/beneficiaries';
const registryOf = (id: string): RegistryBeneficiary => {
  const b = TINY_DATASET.registry.find((x) => x.citizenId === id);
  if (!b) throw new Error('no such beneficiary in the tiny data set');
  return b;
};
const sortedIds = (items: readonly { citizenId: string }[]) => items.map((b) => b.citizenId).sort();
const unknownIds = (n: number) => Array.from({ length: n }, (_, i) => `079${String(300_000_000 + i).padStart(9, '0')}`);

let mock: MockServer;
let url = '';

beforeAll(async () => {
  mock = createLaborMock(TINY_DATASET, { clock: testClock, faultSeed: 5 });
  url = await mock.listen(0);
});
afterAll(async () => {
  await mock.close();
});

describe('labor HTTP adapter against its mock', () => {
  beforeEach(async () => {
    await clearFault(url);
    await resetStats(url);
  });

  it('getBeneficiaries maps every field, leaves unknown IDs out, in one request', async () => {
    const adapter = createLaborHttpAdapter(testClient('LABOR_REGISTRY', url));
    const found = await adapter.getBeneficiaries([TINY.guardianChild, TINY.meritAndPension, TINY.pensionOnly, TINY.guardian]);
    expect(found).toEqual(
      new Map([
        [TINY.guardianChild, registryOf(TINY.guardianChild)],
        [TINY.meritAndPension, registryOf(TINY.meritAndPension)],
      ]),
    );
    expect(found.get(TINY.guardianChild)).toEqual({
      citizenId: TINY.guardianChild,
      fullName: 'Lê Văn Cường',
      dateOfBirth: '2015-05-20',
      sex: 'MALE',
      communeCode: TINY_COMMUNE_38,
      provinceCode: '38',
      entitlements: [
        {
          id: 'TG-0303',
          program: 'SOCIAL_ASSISTANCE',
          category: 'BTXH-TMC',
          categoryName: 'Trẻ em mồ côi',
          monthlyAmount: 600_000,
          startDate: '2023-01-01',
          endDate: null,
          status: 'ACTIVE',
        },
      ],
      representatives: [
        {
          role: 'GUARDIAN',
          citizenId: TINY.guardian,
          fullName: 'Phạm Văn Dũng',
          mandateReference: 'QD-GH-2023-0303',
          validFrom: '2023-01-01',
          validUntil: '2033-05-20',
        },
      ],
      paymentOnFile: {
        method: 'BANK_ACCOUNT',
        providerCode: '970436',
        accountNumber: '1023456789',
        recipientRole: 'GUARDIAN',
        recipientCitizenId: TINY.guardian,
      },
    });
    expect(await getStats(url)).toEqual({ requests: 1, byRoute: { [BATCH_ROUTE]: 1 } });
  });

  it('getBeneficiaries costs one request up to the maximum batch and chunks beyond it', async () => {
    const adapter = createLaborHttpAdapter(testClient('LABOR_REGISTRY', url));
    const full = [TINY.selfBank, ...unknownIds(499)];
    expect(await adapter.getBeneficiaries(full)).toEqual(new Map([[TINY.selfBank, registryOf(TINY.selfBank)]]));
    expect((await getStats(url)).byRoute).toEqual({ [BATCH_ROUTE]: 1 });
    await resetStats(url);
    await adapter.getBeneficiaries([...full, TINY.deceased]);
    expect((await getStats(url)).byRoute).toEqual({ [BATCH_ROUTE]: 2 });
  });

  it('searchBeneficiaries: area, visible areas, filters and totals', async () => {
    const adapter = createLaborHttpAdapter(testClient('LABOR_REGISTRY', url));
    const all = TINY_DATASET.registry;
    const in38 = all.filter((b) => b.provinceCode === '38');

    expect(await adapter.searchBeneficiaries({ limit: 50 })).toEqual({ items: all, totalCount: 7 });
    expect(await adapter.searchBeneficiaries({ areaCode: '38', limit: 50 })).toEqual({ items: in38, totalCount: 6 });
    expect(await adapter.searchBeneficiaries({ areaCode: TINY_COMMUNE_01, limit: 50 })).toEqual({
      items: [registryOf(TINY.otherProvince)],
      totalCount: 1,
    });
    expect(await adapter.searchBeneficiaries({ visibleAreas: ['38'], limit: 50 })).toEqual({ items: in38, totalCount: 6 });
    expect(await adapter.searchBeneficiaries({ visibleAreas: ['*'], limit: 50 })).toEqual({ items: all, totalCount: 7 });
    expect(await adapter.searchBeneficiaries({ visibleAreas: [], limit: 50 })).toEqual({ items: [], totalCount: 0 });
    expect(await adapter.searchBeneficiaries({ areaCode: '38', visibleAreas: [TINY_COMMUNE_01], limit: 50 })).toEqual({
      items: [],
      totalCount: 0,
    });
    expect(await adapter.searchBeneficiaries({ areaCode: '38', visibleAreas: [TINY_COMMUNE_38, TINY_COMMUNE_01], limit: 50 })).toEqual({
      items: in38,
      totalCount: 6,
    });
    expect(await adapter.searchBeneficiaries({ program: 'MERIT_ALLOWANCE', limit: 50 })).toEqual({
      items: [registryOf(TINY.meritAndPension)],
      totalCount: 1,
    });
    expect(await adapter.searchBeneficiaries({ program: 'SOCIAL_ASSISTANCE', status: 'SUSPENDED', limit: 50 })).toEqual({
      items: [registryOf(TINY.notInPopulation)],
      totalCount: 1,
    });
    expect(await adapter.searchBeneficiaries({ paymentMethod: 'POST_OFFICE_CASH', limit: 50 })).toEqual({
      items: [registryOf(TINY.deceased), registryOf(TINY.notInPopulation)],
      totalCount: 2,
    });
    expect(await adapter.searchBeneficiaries({ areaCode: '38', limit: 0 })).toEqual({ items: [], totalCount: 6 });
  });

  it('searchBeneficiaries pages by citizen ID with one request a page', async () => {
    const adapter = createLaborHttpAdapter(testClient('LABOR_REGISTRY', url));
    const in38 = TINY_DATASET.registry.filter((b) => b.provinceCode === '38');
    const pages: RegistryBeneficiary[][] = [];
    let after: string | undefined;
    for (;;) {
      const page = await adapter.searchBeneficiaries({ areaCode: '38', limit: 4, afterCitizenId: after });
      expect(page.totalCount).toBe(6);
      pages.push([...page.items]);
      if (page.items.length < 4) break;
      after = page.items[page.items.length - 1]?.citizenId;
    }
    expect(pages.map((p) => p.length)).toEqual([4, 2]);
    expect(pages.flat()).toEqual(in38);
    expect((await getStats(url)).byRoute).toEqual({ [SEARCH_ROUTE]: 2 });
  });

  it('getAreas', async () => {
    const adapter = createLaborHttpAdapter(testClient('LABOR_REGISTRY', url));
    expect(await adapter.getAreas()).toEqual(TINY_DATASET.areas);
  });

  it('updatePaymentMethod records, replays, refuses reuse and unknown people', async () => {
    const adapter = createLaborHttpAdapter(testClient('LABOR_REGISTRY', url));
    const update: PaymentMethodUpdate = {
      requestId: 'req-labor-0001',
      citizenId: TINY.closedAccount,
      method: 'BANK_ACCOUNT',
      providerCode: '970436',
      accountNumber: '1023456789',
      recipientRole: 'SELF',
      recipientCitizenId: TINY.closedAccount,
    };
    expect(await adapter.updatePaymentMethod(update)).toBeUndefined();
    expect(await adapter.updatePaymentMethod(update)).toBeUndefined();
    const { requestId: _r, citizenId: _c, ...onFile } = update;
    expect((await adapter.getBeneficiaries([TINY.closedAccount])).get(TINY.closedAccount)).toEqual({
      ...registryOf(TINY.closedAccount),
      paymentOnFile: onFile,
    });
    // The search filter on the method sees the change.
    expect(sortedIds((await adapter.searchBeneficiaries({ paymentMethod: 'BANK_ACCOUNT', areaCode: '38', limit: 50 })).items)).toEqual(
      [TINY.closedAccount, TINY.guardianChild, TINY.selfBank].sort(),
    );

    expect(codeOf(await rejectionOf(adapter.updatePaymentMethod({ ...update, accountNumber: '9999999999' })))).toEqual({
      code: 'REJECTED',
      agency: 'LABOR_REGISTRY',
      agencyCode: 'request_id_reused',
    });
    expect(codeOf(await rejectionOf(adapter.updatePaymentMethod({ ...update, requestId: 'req-labor-0002', citizenId: TINY.pensionOnly })))).toEqual({
      code: 'NOT_FOUND',
      agency: 'LABOR_REGISTRY',
      agencyCode: 'beneficiary_not_found',
    });
  });

  it('getPaymentLists by period, province or commune, and program', async () => {
    const adapter = createLaborHttpAdapter(testClient('LABOR_REGISTRY', url));
    const october = TINY_DATASET.laborLists.filter((l) => l.period === '2026-10');
    expect(await adapter.getPaymentLists({ period: '2026-10' })).toEqual(october);
    expect(await adapter.getPaymentLists({ period: '2026-10', areaCode: '38' })).toEqual(october.filter((l) => l.provinceCode === '38'));
    expect(await adapter.getPaymentLists({ period: '2026-10', areaCode: TINY_COMMUNE_01 })).toEqual(
      october.filter((l) => l.communeCode === TINY_COMMUNE_01),
    );
    expect(await adapter.getPaymentLists({ period: '2026-10', areaCode: '38', program: 'MERIT_ALLOWANCE' })).toEqual(
      october.filter((l) => l.program === 'MERIT_ALLOWANCE'),
    );
    expect(await adapter.getPaymentLists({ period: '2026-06' })).toEqual([]);
  });
});

describe('labor HTTP adapter: pages longer than the registry serves', () => {
  let bulk: MockServer;
  let bulkUrl = '';
  const extra: RegistryBeneficiary[] = Array.from({ length: 1200 }, (_, i) => ({
    ...registryOf(TINY.selfBank),
    citizenId: `038070${String(i).padStart(6, '0')}`,
    paymentOnFile: { ...registryOf(TINY.selfBank).paymentOnFile, recipientCitizenId: `038070${String(i).padStart(6, '0')}` },
  }));
  const data: Dataset = {
    ...TINY_DATASET,
    registry: [...TINY_DATASET.registry, ...extra].sort((a, b) => (a.citizenId < b.citizenId ? -1 : 1)),
  };

  beforeAll(async () => {
    bulk = createLaborMock(data, { clock: testClock });
    bulkUrl = await bulk.listen(0);
  });
  afterAll(async () => {
    await bulk.close();
  });

  it('assembles a long page from consecutive keyset pages', async () => {
    const adapter = createLaborHttpAdapter(testClient('LABOR_REGISTRY', bulkUrl));
    const page = await adapter.searchBeneficiaries({ areaCode: TINY_COMMUNE_38, limit: 1100 });
    const in38 = data.registry.filter((b) => b.communeCode === TINY_COMMUNE_38);
    expect(page).toEqual({ items: in38.slice(0, 1100), totalCount: 1206 });
    expect((await getStats(bulkUrl)).byRoute).toEqual({ [SEARCH_ROUTE]: 3 });
  });
});

let writes = 0;
describeFaultBehaviour({
  agency: 'LABOR_REGISTRY',
  url: () => url,
  read: (client, ctx) => createLaborHttpAdapter(client).getBeneficiaries([TINY.selfBank, TINY.deceased], ctx),
  dedupWrite: (client, n) =>
    createLaborHttpAdapter(client).updatePaymentMethod({
      requestId: `req-flaky-${n}-${(writes += 1)}`,
      citizenId: TINY.selfBank,
      method: 'BANK_ACCOUNT',
      providerCode: '970415',
      accountNumber: '0011001932418',
      recipientRole: 'SELF',
      recipientCitizenId: TINY.selfBank,
    }),
  plainRequest: { method: 'POST', path: '/registry/v2/beneficiaries/batch-lookup', body: { citizen_ids: [TINY.selfBank] } },
});
