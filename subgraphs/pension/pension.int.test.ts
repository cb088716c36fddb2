import 'reflect-metadata';
import { generateKeyPair, type CryptoKey } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPensionHttpAdapter } from '../../adapters/pension/index.js';
import { createPensionMock, type MockServer } from '../../mocks/index.js';
import { testClient } from '../../mocks/testing/fault-suite.js';
import { TEST_NOW, testClock } from '../../mocks/testing/mock-control.js';
import { TINY, TINY_COMMUNE_38, TINY_DATASET } from '../../mocks/testing/tiny-dataset.js';
import { mintInternalCredential } from '../../schema/index.js';
import type { SubgraphServer } from '../shared/server.js';
import { createPensionSubgraph } from './server.js';

// The pension subgraph on its own, as the gateway calls it: an internal credential per request, the root
// applying the caller's areas, scopes checked before BHXH is called.
let mock: MockServer;
let subgraph: SubgraphServer;
let url = '';
let key: CryptoKey;

beforeAll(async () => {
  mock = createPensionMock(TINY_DATASET, { clock: testClock });
  const pair = await generateKeyPair('ES256');
  key = pair.privateKey;
  subgraph = await createPensionSubgraph({
    adapter: createPensionHttpAdapter(testClient('SOCIAL_INSURANCE', await mock.listen(0))),
    verifyKey: pair.publicKey,
    clock: testClock,
  });
  url = await subgraph.listen(0);
});
afterAll(async () => {
  await subgraph?.close();
  await mock?.close();
});
beforeEach(() => mock.resetStats());

async function ask(query: string, variables: Record<string, unknown>, caller: { scopes: string[]; areas: string[] }) {
  const token = await mintInternalCredential(key, { subject: 'alice', clientId: 'portal', requestId: 'r-1', ...caller }, 'pension', TEST_NOW);
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: Record<string, unknown>; errors?: { path?: unknown; extensions?: { code?: string } }[] };
}

const reader = { scopes: ['beneficiary:read'], areas: ['38'] };
const insured = (id: string) => TINY_DATASET.insurance.find((p) => p.citizenId === id)!;

describe('pension subgraph', () => {
  it("insuranceBeneficiaries: one entry per ID, null where BHXH does not pay the person in the caller's areas, the record from one batched call", async () => {
    const ids = [TINY.pensionOnly, TINY.selfBank, TINY.meritAndPension];
    const body = await ask(
      `query ($ids: [CitizenId!]!) { insuranceBeneficiaries(citizenIds: $ids) { citizenId insuranceRecord { fullName dateOfBirth sex paymentMethod area { code } entitlements { id program source status insuranceCode } } } }`,
      { ids },
      reader,
    );
    const record = (id: string) => {
      const p = insured(id);
      return {
        citizenId: id,
        insuranceRecord: {
          fullName: p.fullName,
          dateOfBirth: p.dateOfBirth,
          sex: p.sex,
          paymentMethod: p.paymentOnFile.method,
          area: { code: TINY_COMMUNE_38 },
          entitlements: p.benefits.map((e) => ({ id: e.id, program: e.program, source: 'SOCIAL_INSURANCE', status: e.status, insuranceCode: p.insuranceCode })),
        },
      };
    };
    expect([body.data?.insuranceBeneficiaries, mock.stats().requests]).toEqual([[record(TINY.pensionOnly), null, record(TINY.meritAndPension)], 1]);
  });

  it('out of area is absent; no areas means nobody, without calling BHXH', async () => {
    const q = `query ($ids: [CitizenId!]!) { insuranceBeneficiaries(citizenIds: $ids) { citizenId } }`;
    const elsewhere = await ask(q, { ids: [TINY.pensionOnly] }, { scopes: ['beneficiary:read'], areas: ['01'] });
    mock.resetStats();
    const none = await ask(q, { ids: [TINY.pensionOnly] }, { scopes: ['beneficiary:read'], areas: [] });
    expect([elsewhere.data, none.data, mock.stats().requests]).toEqual([{ insuranceBeneficiaries: [null] }, { insuranceBeneficiaries: [null] }, 0]);
  });

  it('without beneficiary:read each root field is FORBIDDEN and BHXH is not called', async () => {
    const ids = [TINY.pensionOnly];
    const caller = { scopes: ['citizen:read'], areas: ['38'] };
    const answers = [
      await ask(`query ($ids: [CitizenId!]!) { insuranceBeneficiaries(citizenIds: $ids) { citizenId } }`, { ids }, caller),
      await ask(`query { insuranceSearch(filter: {}, first: 5) { totalCount } }`, {}, caller),
      await ask(`query ($ids: [CitizenId!]!) { insuranceMatchCount(filter: {}, citizenIds: $ids) }`, { ids }, caller),
    ];
    expect([answers.map((b) => [b.data, b.errors?.map((e) => [e.path, e.extensions?.code])]), mock.stats().requests]).toEqual([
      [
        [null, [[['insuranceBeneficiaries'], 'FORBIDDEN']]],
        [null, [[['insuranceSearch'], 'FORBIDDEN']]],
        [null, [[['insuranceMatchCount'], 'FORBIDDEN']]],
      ],
      0,
    ]);
  });

  it('insuranceSearch pages in citizen-ID order with the whole count, and primes the records of its page', async () => {
    const q = `query ($after: CitizenId) { insuranceSearch(filter: { areaCode: "38", program: PENSION }, first: 1, afterCitizenId: $after) { totalCount items { citizenId insuranceRecord { fullName } } } }`;
    const first = await ask(q, { after: null }, reader);
    const second = await ask(q, { after: TINY.meritAndPension }, reader);
    expect([first.data, second.data, mock.stats().byRoute]).toEqual([
      { insuranceSearch: { totalCount: 2, items: [{ citizenId: TINY.meritAndPension, insuranceRecord: { fullName: insured(TINY.meritAndPension).fullName } }] } },
      { insuranceSearch: { totalCount: 2, items: [{ citizenId: TINY.pensionOnly, insuranceRecord: { fullName: insured(TINY.pensionOnly).fullName } }] } },
      { 'GET /api/bhxh/v1/nguoi-huong': 2 },
    ]);
  });

  it("insuranceMatchCount counts the given people BHXH pays in the caller's areas under the filter", async () => {
    const q = `query ($f: InsuranceSearchFilter!, $ids: [CitizenId!]!) { insuranceMatchCount(filter: $f, citizenIds: $ids) }`;
    const ids = [TINY.pensionOnly, TINY.meritAndPension, TINY.selfBank];
    const counts = [];
    for (const f of [{}, { paymentMethod: 'HOME_DELIVERY' }, { program: 'PENSION', status: 'SUSPENDED' }, { areaCode: '01' }]) {
      counts.push((await ask(q, { f, ids }, reader)).data?.insuranceMatchCount);
    }
    expect(counts).toEqual([2, 1, 0, 0]);
  });
});
