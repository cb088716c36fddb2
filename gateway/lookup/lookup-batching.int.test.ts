import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset } from '../../mocks/fixtures/generator.js';
import { testClock } from '../../mocks/testing/mock-control.js';
import { startInProcessStack, type InProcessStack } from '../../test/support/in-process-stack.js';
import { BENEFICIARY_FIELDS, beneficiariesIn } from './testing/lookup-oracle.js';

// Batching (architecture.md): a page costs a bounded number of requests per subgraph and agency, whatever
// its size. Large enough that a page of 100 of one province draws people of both roots.
const data = generateDataset({ scale: 1500, referenceDate: '2026-11-15' });
const PROVINCE = data.scenarios.scenarios.SELF_BANK_ACTIVE.provinceCode;

let stack: InProcessStack;
let reader: string;

beforeAll(async () => {
  stack = await startInProcessStack({ dataset: data, clock: testClock });
  reader = await stack.token({ scope: 'beneficiary:read citizen:read', areas: [PROVINCE] });
  // Units are reference data the registry's subgraph loads once an hour; load them before counting.
  await stack.query(reader, `query W($f: BeneficiaryFilter!) { searchBeneficiaries(filter: $f, first: 1) { edges { node { area { name } } } } }`, {
    f: { areaCode: PROVINCE },
  });
});
afterAll(async () => stack?.stop());

/** Runs one operation and returns what it cost: requests per subgraph, and per agency route. */
async function cost(query: string, variables: Record<string, unknown>) {
  for (const m of Object.values(stack.mocks.mocks)) m.resetStats();
  const before = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.stats.requests]));
  const { body } = await stack.query(reader, query, variables);
  const subgraphs = Object.fromEntries(Object.entries(stack.subgraphs).map(([name, s]) => [name, s.stats.requests - before[name]!]));
  const agencies = Object.fromEntries(Object.entries(stack.mocks.mocks).map(([name, m]) => [name, m.stats().byRoute]));
  return { body, subgraphs, agencies };
}

const PAGE = `query Page($f: BeneficiaryFilter!, $n: Int) { searchBeneficiaries(filter: $f, first: $n) { edges { node { ${BENEFICIARY_FIELDS} } } } }`;
const LOOKUP = `query Lookup($ids: [CitizenId!]!) { beneficiaries(citizenIds: $ids) { ${BENEFICIARY_FIELDS} } }`;

/** The most a lookup may cost: per subgraph one request per level (search, lookup of the other root's people, units), per agency route one call. */
const BUDGET = { labor: 3, pension: 2, population: 1, treasury: 0, payments: 0, accounts: 0 };

describe('batching', () => {
  it('a searchBeneficiaries page costs the same for 1, 10 and 100 people: one request per subgraph and level, one call per agency route', async () => {
    const pages = [];
    for (const n of [1, 10, 100]) pages.push({ n, ...(await cost(PAGE, { f: { areaCode: PROVINCE }, n })) });
    const routesOver1 = pages.flatMap((p) => Object.values(p.agencies).flatMap((routes) => Object.values(routes).filter((count) => count > 1)));
    const withinBudget = pages.every((p) => Object.entries(p.subgraphs).every(([name, count]) => count <= BUDGET[name as keyof typeof BUDGET]));
    // What each page size cost, for the closing note of the issue.
    console.info(JSON.stringify(pages.map(({ n, subgraphs, agencies }) => ({ n, subgraphs, agencies }))));
    expect({
      sizes: pages.map((p) => p.body.data.searchBeneficiaries.edges.length),
      errors: pages.map((p) => p.body.errors),
      sameFor10And100: [pages[1]!.subgraphs, pages[1]!.agencies],
      routesOver1,
      withinBudget,
    }).toEqual({
      sizes: [1, 10, 100],
      errors: [undefined, undefined, undefined],
      sameFor10And100: [pages[2]!.subgraphs, pages[2]!.agencies],
      routesOver1: [],
      withinBudget: true,
    });
  });

  it('people of both roots on a 100-page: the roots are asked once each for the other root\'s people', async () => {
    const { body, subgraphs, agencies } = await cost(PAGE, { f: { areaCode: PROVINCE }, n: 100 });
    const ids = body.data.searchBeneficiaries.edges.map((e: { node: { citizenId: string } }) => e.node.citizenId);
    const registry = new Set(data.registry.map((r) => r.citizenId));
    const insured = new Set(data.insurance.map((r) => r.citizenId));
    expect({
      ids,
      bothRootsOnPage: [ids.some((i: string) => registry.has(i) && !insured.has(i)), ids.some((i: string) => insured.has(i) && !registry.has(i))],
      subgraphs,
      agencies: { POPULATION: agencies.POPULATION, LABOR_REGISTRY: agencies.LABOR_REGISTRY, SOCIAL_INSURANCE: agencies.SOCIAL_INSURANCE },
    }).toEqual({
      ids: beneficiariesIn(data, PROVINCE).slice(0, 100),
      bothRootsOnPage: [true, true],
      subgraphs: BUDGET,
      agencies: {
        POPULATION: { 'POST /api/v1/citizens:batchGet': 1 },
        LABOR_REGISTRY: { 'GET /registry/v2/beneficiaries': 1, 'POST /registry/v2/beneficiaries/batch-lookup': 1 },
        SOCIAL_INSURANCE: { 'GET /api/bhxh/v1/nguoi-huong': 1, 'POST /api/bhxh/v1/tra-cuu/theo-so-dinh-danh': 1 },
      },
    });
  });

  it('beneficiaries of 1 and of 100 IDs cost the same: each root once, population once, the units once', async () => {
    const ids = beneficiariesIn(data, PROVINCE).slice(0, 100);
    const one = await cost(LOOKUP, { ids: ids.slice(0, 1) });
    const hundred = await cost(LOOKUP, { ids });
    expect([hundred.body.data.beneficiaries.length, one.subgraphs, hundred.subgraphs, one.agencies, hundred.agencies]).toEqual([
      100,
      { labor: 2, pension: 1, population: 1, treasury: 0, payments: 0, accounts: 0 },
      { labor: 2, pension: 1, population: 1, treasury: 0, payments: 0, accounts: 0 },
      hundred.agencies,
      {
        POPULATION: { 'POST /api/v1/citizens:batchGet': 1 },
        LABOR_REGISTRY: { 'POST /registry/v2/beneficiaries/batch-lookup': 1 },
        SOCIAL_INSURANCE: { 'POST /api/bhxh/v1/tra-cuu/theo-so-dinh-danh': 1 },
        TREASURY: {},
        BANK: {},
        POST: {},
      },
    ]);
  });

  it('totalCount (people on both roots counted once) costs the same for every page size', async () => {
    const TOTAL = `query Total($f: BeneficiaryFilter!, $n: Int) { searchBeneficiaries(filter: $f, first: $n) { totalCount edges { node { citizenId } } } }`;
    const pages = [];
    for (const n of [1, 10, 100]) pages.push(await cost(TOTAL, { f: { areaCode: PROVINCE }, n }));
    console.info(JSON.stringify(pages.map(({ subgraphs, agencies }) => ({ subgraphs, agencies }))));
    expect([pages.map((p) => p.body.data.searchBeneficiaries.totalCount), pages[1]!.subgraphs, pages[1]!.agencies]).toEqual([
      Array(3).fill(beneficiariesIn(data, PROVINCE).length),
      pages[2]!.subgraphs,
      pages[2]!.agencies,
    ]);
  });
});
