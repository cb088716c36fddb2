import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPensionMock, type MockServer } from '../../mocks/index.js';
import { codeOf, describeFaultBehaviour, rejectionOf, testClient } from '../../mocks/testing/fault-suite.js';
import { clearFault, getStats, resetStats, testClock } from '../../mocks/testing/mock-control.js';
import { TINY, TINY_COMMUNE_01, TINY_COMMUNE_38, TINY_DATASET } from '../../mocks/testing/tiny-dataset.js';
import type { PaymentMethodUpdate } from '../shared/types.js';
import type { InsuredPerson } from './index.js';
import { createPensionHttpAdapter } from './index.js';

const BATCH_ROUTE = 'POST /api/bhxh/v1/tra-cuu/theo-so-dinh-danh';
const insuredOf = (id: string): InsuredPerson => {
  const p = TINY_DATASET.insurance.find((x) => x.citizenId === id);
  if (!p) throw new Error('no such insured person in the tiny data set');
  return p;
};
const unknownIds = (n: number) => Array.from({ length: n }, (_, i) => `079${String(300_000_000 + i).padStart(9, '0')}`);

let mock: MockServer;
let url = '';

beforeAll(async () => {
  mock = createPensionMock(TINY_DATASET, { clock: testClock, faultSeed: 11 });
  url = await mock.listen(0);
});
afterAll(async () => {
  await mock.close();
});

describe('pension (BHXH) HTTP adapter against its mock', () => {
  beforeEach(async () => {
    await clearFault(url);
    await resetStats(url);
  });

  it('getByCitizenIds maps the Vietnamese idiom back to the DTO, in one request', async () => {
    const adapter = createPensionHttpAdapter(testClient('SOCIAL_INSURANCE', url));
    const found = await adapter.getByCitizenIds([TINY.pensionOnly, TINY.meritAndPension, TINY.selfBank]);
    expect(found).toEqual(
      new Map([
        [TINY.pensionOnly, insuredOf(TINY.pensionOnly)],
        [TINY.meritAndPension, insuredOf(TINY.meritAndPension)],
      ]),
    );
    expect(found.get(TINY.pensionOnly)).toEqual({
      insuranceCode: '3805000707',
      citizenId: TINY.pensionOnly,
      fullName: 'Vũ Thị Giang',
      dateOfBirth: '1948-04-30',
      sex: 'FEMALE',
      communeCode: TINY_COMMUNE_38,
      provinceCode: '38',
      benefits: [
        {
          id: 'HT-0707',
          program: 'PENSION',
          category: 'HT-BHXHBB',
          categoryName: 'Hưu trí bảo hiểm xã hội bắt buộc',
          monthlyAmount: 4_200_000,
          startDate: '2003-05-01',
          endDate: null,
          status: 'ACTIVE',
        },
      ],
      paymentOnFile: {
        method: 'HOME_DELIVERY',
        providerCode: 'VNPOST',
        accountNumber: null,
        recipientRole: 'SELF',
        recipientCitizenId: TINY.pensionOnly,
      },
    });
    expect(await getStats(url)).toEqual({ requests: 1, byRoute: { [BATCH_ROUTE]: 1 } });
  });

  it('speaks dd/MM/yyyy and gioiTinh on the wire', async () => {
    const res = await fetch(`${url}/api/bhxh/v1/nguoi-huong/3805000707`);
    const body = (await res.json()) as { maLoi: string; duLieu: { ngaySinh: string; gioiTinh: number; dsCheDo: { tuNgay: string }[] } };
    expect([res.status, body.maLoi, body.duLieu.ngaySinh, body.duLieu.gioiTinh, body.duLieu.dsCheDo[0]?.tuNgay]).toEqual([
      200,
      '00',
      '30/04/1948',
      0,
      '01/05/2003',
    ]);
  });

  it('getByCitizenIds costs one request up to the maximum batch and chunks beyond it', async () => {
    const adapter = createPensionHttpAdapter(testClient('SOCIAL_INSURANCE', url));
    const full = [TINY.pensionOnly, ...unknownIds(499)];
    expect(await adapter.getByCitizenIds(full)).toEqual(new Map([[TINY.pensionOnly, insuredOf(TINY.pensionOnly)]]));
    expect((await getStats(url)).byRoute).toEqual({ [BATCH_ROUTE]: 1 });
    await resetStats(url);
    await adapter.getByCitizenIds([...full, TINY.meritAndPension]);
    expect((await getStats(url)).byRoute).toEqual({ [BATCH_ROUTE]: 2 });
  });

  it('getByInsuranceCode: the person, or null when unknown or malformed', async () => {
    const adapter = createPensionHttpAdapter(testClient('SOCIAL_INSURANCE', url));
    expect(await adapter.getByInsuranceCode('3805000202')).toEqual(insuredOf(TINY.meritAndPension));
    expect(await adapter.getByInsuranceCode('3899999999')).toBeNull();
    expect(await adapter.getByInsuranceCode('38-bad')).toBeNull();
    expect((await getStats(url)).requests).toBe(2);
  });

  it('search: area, visible areas, filters, totals and keyset pages', async () => {
    const adapter = createPensionHttpAdapter(testClient('SOCIAL_INSURANCE', url));
    const all = TINY_DATASET.insurance;
    expect(await adapter.search({ areaCode: '38', limit: 50 })).toEqual({ items: all, totalCount: 2 });
    expect(await adapter.search({ areaCode: TINY_COMMUNE_38, program: 'PENSION', status: 'ACTIVE', limit: 50 })).toEqual({
      items: all,
      totalCount: 2,
    });
    expect(await adapter.search({ paymentMethod: 'HOME_DELIVERY', limit: 50 })).toEqual({ items: [insuredOf(TINY.pensionOnly)], totalCount: 1 });
    expect(await adapter.search({ program: 'UNEMPLOYMENT_BENEFIT', limit: 50 })).toEqual({ items: [], totalCount: 0 });
    expect(await adapter.search({ visibleAreas: [TINY_COMMUNE_01], limit: 50 })).toEqual({ items: [], totalCount: 0 });
    expect(await adapter.search({ limit: 1 })).toEqual({ items: [insuredOf(TINY.meritAndPension)], totalCount: 2 });
    expect(await adapter.search({ limit: 1, afterCitizenId: TINY.meritAndPension })).toEqual({
      items: [insuredOf(TINY.pensionOnly)],
      totalCount: 2,
    });
  });

  it('updatePaymentMethod records, replays, refuses reuse (maLoi 05) and unknown people', async () => {
    const adapter = createPensionHttpAdapter(testClient('SOCIAL_INSURANCE', url));
    const update: PaymentMethodUpdate = {
      requestId: 'req-bhxh-0001',
      citizenId: TINY.pensionOnly,
      method: 'E_WALLET',
      providerCode: 'VNPTMONEY',
      accountNumber: '0987654321',
      recipientRole: 'AUTHORIZED_PROXY',
      recipientCitizenId: TINY.guardian,
    };
    expect(await adapter.updatePaymentMethod(update)).toBeUndefined();
    expect(await adapter.updatePaymentMethod(update)).toBeUndefined();
    const { requestId: _r, citizenId: _c, ...onFile } = update;
    expect(await adapter.getByInsuranceCode('3805000707')).toEqual({ ...insuredOf(TINY.pensionOnly), paymentOnFile: onFile });
    expect(codeOf(await rejectionOf(adapter.updatePaymentMethod({ ...update, method: 'BANK_ACCOUNT' })))).toEqual({
      code: 'REJECTED',
      agency: 'SOCIAL_INSURANCE',
      agencyCode: '05',
    });
    expect(codeOf(await rejectionOf(adapter.updatePaymentMethod({ ...update, requestId: 'req-bhxh-0002', citizenId: TINY.selfBank })))).toEqual({
      code: 'NOT_FOUND',
      agency: 'SOCIAL_INSURANCE',
      agencyCode: '02',
    });
  });

  it('getPaymentLists by period (MM/yyyy on the wire), area and program', async () => {
    const adapter = createPensionHttpAdapter(testClient('SOCIAL_INSURANCE', url));
    expect(await adapter.getPaymentLists({ period: '2026-10' })).toEqual(TINY_DATASET.insuranceLists);
    expect(await adapter.getPaymentLists({ period: '2026-10', areaCode: TINY_COMMUNE_38, program: 'PENSION' })).toEqual(
      TINY_DATASET.insuranceLists,
    );
    expect(await adapter.getPaymentLists({ period: '2026-10', areaCode: '01' })).toEqual([]);
    expect(await adapter.getPaymentLists({ period: '2026-10', program: 'SOCIAL_INSURANCE_ALLOWANCE' })).toEqual([]);
  });
});

let writes = 0;
describeFaultBehaviour({
  agency: 'SOCIAL_INSURANCE',
  url: () => url,
  read: (client, ctx) => createPensionHttpAdapter(client).getByCitizenIds([TINY.pensionOnly], ctx),
  dedupWrite: (client, n) =>
    createPensionHttpAdapter(client).updatePaymentMethod({
      requestId: `req-flaky-${n}-${(writes += 1)}`,
      citizenId: TINY.meritAndPension,
      method: 'E_WALLET',
      providerCode: 'VNPTMONEY',
      accountNumber: '0912345678',
      recipientRole: 'SELF',
      recipientCitizenId: TINY.meritAndPension,
    }),
  plainRequest: { method: 'POST', path: '/api/bhxh/v1/tra-cuu/theo-so-dinh-danh', body: { dsSoDinhDanh: [TINY.pensionOnly] } },
});
