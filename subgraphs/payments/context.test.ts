import { describe, expect, it } from 'vitest';
import type { LaborAdapter } from '../../adapters/labor/index.js';
import type { PayerAdapter } from '../../adapters/payer/index.js';
import type { PensionAdapter } from '../../adapters/pension/index.js';
import type { PaymentList, PaymentListQuery } from '../../adapters/shared/types.js';
import type { TreasuryAdapter } from '../../adapters/treasury/index.js';
import { createPaymentsContext, DEFAULT_PAYMENTS_SETTINGS } from './context.js';
import { ReferenceData } from './reference-data.js';

const list = (communeCode: string): PaymentList => ({
  id: `L-${communeCode}`,
  period: '2026-10',
  program: 'SOCIAL_ASSISTANCE',
  communeCode,
  provinceCode: '38',
  payerCode: 'VNPOST',
  submittedAt: '2026-10-02T09:00:00+07:00',
  items: [],
});

function context(queries: PaymentListQuery[]) {
  const labor = {
    getPaymentLists: async (q: PaymentListQuery) => {
      queries.push(q);
      return ['16001', '16002', '16003', '16004', '16005'].filter((c) => q.areaCode === '38' || q.areaCode === c).map(list);
    },
  } as unknown as LaborAdapter;
  const unused = {} as never;
  const adapters = { labor, pension: unused as PensionAdapter, payer: unused as PayerAdapter, treasury: unused as TreasuryAdapter };
  const base = { principal: { subject: 's', clientId: 'c', scopes: [], areas: ['38'], requestId: 'r' }, scopes: new Set<string>(), requestId: 'r' };
  return createPaymentsContext(base, adapters, new ReferenceData(labor, adapters.payer, 1000, () => new Date()), DEFAULT_PAYMENTS_SETTINGS, () => new Date());
}

const key = (commune: string) => `LABOR_REGISTRY|2026-10|38|${commune}`;

describe('commune list loader', () => {
  it('asks commune by commune for a few communes of a province', async () => {
    const queries: PaymentListQuery[] = [];
    const ctx = context(queries);
    const lists = await ctx.loaders.communeLists.loadMany([key('16001'), key('16002')]);
    expect(lists).toEqual([[list('16001')], [list('16002')]]);
    expect(queries).toEqual([
      { period: '2026-10', areaCode: '16001' },
      { period: '2026-10', areaCode: '16002' },
    ]);
  });

  it('asks once for the province when more of its communes are wanted in one tick, and splits the answer', async () => {
    const queries: PaymentListQuery[] = [];
    const ctx = context(queries);
    const lists = await ctx.loaders.communeLists.loadMany(['16001', '16002', '16003', '16005'].map(key));
    expect(lists).toEqual([[list('16001')], [list('16002')], [list('16003')], [list('16005')]]);
    expect(queries).toEqual([{ period: '2026-10', areaCode: '38' }]);
  });
});
