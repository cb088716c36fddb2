import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBankMock, createPostMock, type MockServer } from '../../mocks/index.js';
import { codeOf, describeFaultBehaviour, rejectionOf, testClient } from '../../mocks/testing/fault-suite.js';
import { clearFault, getStats, putFault, resetStats, testClock } from '../../mocks/testing/mock-control.js';
import { TINY_DATASET } from '../../mocks/testing/tiny-dataset.js';
import type { PayerEvent } from './index.js';
import { createPayerHttpAdapter } from './index.js';

const RESULTS_ROUTE = 'POST /v2/payment-results';
const POST_RESULTS_ROUTE = 'POST /cob-partner/payment/v1/search-result';

let bank: MockServer;
let post: MockServer;
let bankUrl = '';
let postUrl = '';

beforeAll(async () => {
  bank = createBankMock(TINY_DATASET, { clock: testClock, faultSeed: 17 });
  post = createPostMock(TINY_DATASET, { clock: testClock, faultSeed: 19 });
  [bankUrl, postUrl] = await Promise.all([bank.listen(0), post.listen(0)]);
});
afterAll(async () => {
  await Promise.all([bank.close(), post.close()]);
});

const adapterOf = () => createPayerHttpAdapter({ bank: testClient('BANK', bankUrl), post: testClient('POST', postUrl) });

const eventsByPayment = (events: readonly PayerEvent[]) => {
  const m = new Map<string, PayerEvent[]>();
  for (const e of events) m.set(e.paymentId, [...(m.get(e.paymentId) ?? []), e]);
  return m;
};

describe('payer HTTP adapter against the bank and Post mocks', () => {
  beforeEach(async () => {
    await Promise.all([clearFault(bankUrl), clearFault(postUrl), resetStats(bankUrl), resetStats(postUrl)]);
  });

  it('getProviders: banks and e-wallets from the bank gateway, the Post from the Post', async () => {
    expect(await adapterOf().getProviders()).toEqual(TINY_DATASET.providers);
  });

  it('inquireAccount: open and closed accounts', async () => {
    const adapter = adapterOf();
    expect(await adapter.inquireAccount('970415', '0011001932418')).toEqual({
      providerCode: '970415',
      accountNumber: '0011001932418',
      holderName: 'NGUYEN VAN AN',
      status: 'OPEN',
    });
    expect(await adapter.inquireAccount('970418', '21510000606')).toEqual({
      providerCode: '970418',
      accountNumber: '21510000606',
      holderName: 'HOANG VAN PHUC',
      status: 'CLOSED',
    });
    expect(await adapter.inquireAccount('VNPTMONEY', '0912345678')).toEqual(TINY_DATASET.accounts[4]);
  });

  it('inquireAccount: null for an unknown account, coded refusals otherwise', async () => {
    const adapter = adapterOf();
    expect(await adapter.inquireAccount('970436', '99999999')).toBeNull();
    expect(codeOf(await rejectionOf(adapter.inquireAccount('970499', '0011001932418')))).toEqual({
      code: 'REJECTED',
      agency: 'BANK',
      agencyCode: 'PROVIDER_NOT_SUPPORTED',
    });
    expect(codeOf(await rejectionOf(adapter.inquireAccount('970415', '12ab')))).toEqual({
      code: 'REJECTED',
      agency: 'BANK',
      agencyCode: 'INVALID_ACCOUNT_NUMBER',
    });
    expect(codeOf(await rejectionOf(adapter.inquireAccount('VNPOST', '0011001932418')))).toEqual({
      code: 'REJECTED',
      agency: 'POST',
      agencyCode: 'PROVIDER_NOT_SUPPORTED',
    });
    expect((await getStats(bankUrl)).requests).toBe(3);
    expect((await getStats(postUrl)).requests).toBe(0);
  });

  it('getPaymentEvents asks each payment of its own payer, one request per payer', async () => {
    const refs = [...TINY_DATASET.laborLists, ...TINY_DATASET.insuranceLists].flatMap((l) =>
      l.items.map((i) => ({ paymentId: i.paymentId, providerCode: i.providerCode })),
    );
    expect(await adapterOf().getPaymentEvents([...refs, { paymentId: 'PAY-UNKNOWN', providerCode: '970415' }])).toEqual(
      eventsByPayment(TINY_DATASET.payerEvents),
    );
    expect((await getStats(bankUrl)).byRoute).toEqual({ [RESULTS_ROUTE]: 1 });
    expect((await getStats(postUrl)).byRoute).toEqual({ [POST_RESULTS_ROUTE]: 1 });
  });

  it('getPaymentEvents maps the Post idiom', async () => {
    expect(await adapterOf().getPaymentEvents([{ paymentId: 'PAY-202610-0707', providerCode: 'VNPOST' }])).toEqual(
      new Map([
        [
          'PAY-202610-0707',
          [
            { paymentId: 'PAY-202610-0707', providerCode: 'VNPOST', type: 'RECEIVED', at: '2026-10-05T07:00:00+07:00', reference: null, reason: null },
            {
              paymentId: 'PAY-202610-0707',
              providerCode: 'VNPOST',
              type: 'UNCOLLECTED',
              at: '2026-10-25T17:00:00+07:00',
              reference: null,
              reason: 'NOT_COLLECTED',
            },
          ],
        ],
      ]),
    );
  });

  it('getPaymentEvents chunks each payer to its maximum batch', async () => {
    const refs = Array.from({ length: 1001 }, (_, i) => [
      { paymentId: `PAY-NONE-${i}`, providerCode: '970415' },
      { paymentId: `PAY-NONE-${i}`, providerCode: 'VNPOST' },
    ]).flat();
    expect(await adapterOf().getPaymentEvents(refs)).toEqual(new Map());
    expect((await getStats(bankUrl)).byRoute).toEqual({ [RESULTS_ROUTE]: 2 });
    expect((await getStats(postUrl)).byRoute).toEqual({ [POST_RESULTS_ROUTE]: 3 });
  });

  it('getPaymentEvents names the payer that failed, and a bank payment does not need the Post', async () => {
    await putFault(postUrl, { mode: 'down' });
    expect((await adapterOf().getPaymentEvents([{ paymentId: 'PAY-202610-0101', providerCode: '970415' }])).size).toBe(1);
    expect(codeOf(await rejectionOf(adapterOf().getPaymentEvents([{ paymentId: 'PAY-202610-0909', providerCode: 'VNPOST' }])))).toEqual({
      code: 'UNAVAILABLE',
      agency: 'POST',
      agencyCode: undefined,
    });
    await clearFault(postUrl);
    await putFault(bankUrl, { mode: 'down' });
    expect(codeOf(await rejectionOf(adapterOf().getPaymentEvents([{ paymentId: 'PAY-202610-0101', providerCode: '970415' }])))).toEqual({
      code: 'UNAVAILABLE',
      agency: 'BANK',
      agencyCode: undefined,
    });
  });

  it('getPaymentEvents sends nothing for no ids', async () => {
    expect(await adapterOf().getPaymentEvents([])).toEqual(new Map());
    expect([(await getStats(bankUrl)).requests, (await getStats(postUrl)).requests]).toEqual([0, 0]);
  });
});

describeFaultBehaviour({
  agency: 'BANK',
  url: () => bankUrl,
  read: (client, ctx) => createPayerHttpAdapter({ bank: client, post: testClient('POST', postUrl) }).inquireAccount('970415', '0011001932418', ctx),
  plainRequest: { method: 'POST', path: '/v2/payment-results', body: { paymentIds: ['PAY-202610-0101'] } },
});

describeFaultBehaviour({
  agency: 'POST',
  url: () => postUrl,
  read: (client, ctx) => createPayerHttpAdapter({ bank: testClient('BANK', bankUrl), post: client }).getPaymentEvents([{ paymentId: 'PAY-202610-0909', providerCode: 'VNPOST' }], ctx),
  plainRequest: {
    method: 'POST',
    path: '/cob-partner/payment/v1/search-result',
    body: { partnerCode: 'ASXH', requestId: 'plain-0001', paymentIds: ['PAY-202610-0909'] },
  },
});
