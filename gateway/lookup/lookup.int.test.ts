import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioName } from '../../mocks/fixtures/dataset.js';
import { generateDataset } from '../../mocks/fixtures/generator.js';
import { testClock } from '../../mocks/testing/mock-control.js';
import { startInProcessStack, type InProcessStack } from '../../test/support/in-process-stack.js';
import { BENEFICIARY_FIELDS, beneficiariesIn, errorsOf, expectedBeneficiary } from './testing/lookup-oracle.js';

const data = generateDataset({ scale: 600, referenceDate: '2026-11-15' });
const { scenarios } = data.scenarios;
const id = (name: ScenarioName) => scenarios[name].citizenId;
const PROVINCE = scenarios.SELF_BANK_ACTIVE.provinceCode;

const ONE = `query One($id: CitizenId!) { beneficiary(citizenId: $id) { ${BENEFICIARY_FIELDS} } }`;
const MANY = `query Many($ids: [CitizenId!]!) { beneficiaries(citizenIds: $ids) { ${BENEFICIARY_FIELDS} } }`;
const SEARCH = `query Search($filter: BeneficiaryFilter!, $first: Int, $after: String) {
  searchBeneficiaries(filter: $filter, first: $first, after: $after) {
    totalCount unavailableSources pageInfo { hasNextPage endCursor } edges { cursor node { citizenId } } } }`;

let stack: InProcessStack;
/** Beneficiary data only, as most portals hold it: account and payment findings are derived from nothing they may not read. */
let reader: string;
const subgraphRequests = () => Object.values(stack.subgraphs).reduce((n, s) => n + s.stats.requests, 0);

beforeAll(async () => {
  stack = await startInProcessStack({ dataset: data, clock: testClock });
  reader = await stack.token({ scope: 'beneficiary:read citizen:read', areas: [PROVINCE] });
});
afterAll(async () => stack?.stop());

describe('beneficiary: every lookup row of the scenario catalog (running.md)', () => {
  const alertsOf: Readonly<Record<ScenarioName, readonly { code: string; source: string }[]>> = {
    SELF_BANK_ACTIVE: [],
    MERIT_AND_PENSION: [],
    GUARDIAN_CHILD: [],
    PROXY_EXPIRED: [{ code: 'REPRESENTATIVE_MANDATE_EXPIRED', source: 'LABOR_REGISTRY' }],
    DECEASED_STILL_ACTIVE: [{ code: 'DECEASED_WITH_ACTIVE_ENTITLEMENT', source: 'LABOR_REGISTRY' }],
    NOT_IN_POPULATION_DB: [{ code: 'CITIZEN_NOT_FOUND', source: 'POPULATION' }],
    NAME_MISMATCH: [{ code: 'NAME_MISMATCH', source: 'LABOR_REGISTRY' }],
    POST_CASH: [],
    HOME_DELIVERY: [],
    READY_TO_LINK: [],
    HOLDER_MISMATCH: [],
    ACCOUNT_CLOSED: [],
    FAILED_PAYMENT: [],
    UNCOLLECTED_3_MONTHS: [],
    PENSION_ONLY: [],
    OTHER_PROVINCE: [],
  };
  const inProvince = (Object.keys(alertsOf) as ScenarioName[]).filter((n) => n !== 'OTHER_PROVINCE');

  it.each(inProvince)('%s: the composed view of the data set, with its lookup alerts', async (name) => {
    const { status, body } = await stack.query(reader, ONE, { id: id(name) });
    expect({ status, errors: body.errors, beneficiary: body.data.beneficiary }).toEqual({
      status: 200,
      errors: undefined,
      beneficiary: { ...expectedBeneficiary(data, id(name)), alerts: alertsOf[name] },
    });
  });

  it('MERIT_AND_PENSION: exactly two entitlements, registry and social insurance, the pension with its 10-digit code', async () => {
    const { body } = await stack.query(reader, `query M($id: CitizenId!) { beneficiary(citizenId: $id) { entitlements { source program insuranceCode } } }`, {
      id: id('MERIT_AND_PENSION'),
    });
    const code = data.insurance.find((p) => p.citizenId === id('MERIT_AND_PENSION'))!.insuranceCode;
    expect([body.data.beneficiary.entitlements, /^[0-9]{10}$/.test(code)]).toEqual([
      [
        { source: 'LABOR_REGISTRY', program: 'MERIT_ALLOWANCE', insuranceCode: null },
        { source: 'SOCIAL_INSURANCE', program: 'PENSION', insuranceCode: code },
      ],
      true,
    ]);
  });

  it('GUARDIAN_CHILD and PROXY_EXPIRED: the representative the scenario names, with a mandate', async () => {
    const { body } = await stack.query(reader, MANY, { ids: [id('GUARDIAN_CHILD'), id('PROXY_EXPIRED')] });
    const reps = body.data.beneficiaries.map((b: { representatives: { role: string; citizenId: string; validUntil: string | null }[] }) =>
      b.representatives.map((r) => [r.role, r.citizenId, r.validUntil !== null && r.validUntil >= '2026-11-15']),
    );
    expect(reps).toEqual([
      [['GUARDIAN', scenarios.GUARDIAN_CHILD.representativeCitizenId, true]],
      [['AUTHORIZED_PROXY', scenarios.PROXY_EXPIRED.representativeCitizenId, false]],
    ]);
  });

  it('UNCOLLECTED_3_MONTHS: the entitlement is SUSPENDED; POST_CASH and HOME_DELIVERY: the cash methods on file', async () => {
    const { body } = await stack.query(reader, `query S($ids: [CitizenId!]!) { beneficiaries(citizenIds: $ids) { paymentMethod entitlements { status } } }`, {
      ids: [id('UNCOLLECTED_3_MONTHS'), id('POST_CASH'), id('HOME_DELIVERY')],
    });
    expect(body.data.beneficiaries).toEqual([
      { paymentMethod: 'POST_OFFICE_CASH', entitlements: [{ status: 'SUSPENDED' }] },
      { paymentMethod: 'POST_OFFICE_CASH', entitlements: [{ status: 'ACTIVE' }] },
      { paymentMethod: 'HOME_DELIVERY', entitlements: [{ status: 'ACTIVE' }] },
    ]);
  });

  it('PENSION_ONLY: name, birth date and area from social insurance, one SOCIAL_INSURANCE entitlement, representatives = []', async () => {
    const insured = data.insurance.find((p) => p.citizenId === id('PENSION_ONLY'))!;
    const { body } = await stack.query(reader, ONE, { id: id('PENSION_ONLY') });
    const b = body.data.beneficiary;
    expect([b.fullName, b.dateOfBirth, b.area.code, b.entitlements.map((e: { source: string }) => e.source), b.representatives]).toEqual([
      insured.fullName,
      insured.dateOfBirth,
      insured.communeCode,
      ['SOCIAL_INSURANCE'],
      [],
    ]);
  });

  it('PENSION_ONLY is found by every lookup: beneficiary, beneficiaries and searchBeneficiaries', async () => {
    const pensionOnly = id('PENSION_ONLY');
    const one = await stack.query(reader, `query A($id: CitizenId!) { beneficiary(citizenId: $id) { citizenId } }`, { id: pensionOnly });
    const many = await stack.query(reader, `query B($ids: [CitizenId!]!) { beneficiaries(citizenIds: $ids) { citizenId } }`, { ids: [pensionOnly] });
    const search = await stack.query(reader, SEARCH, { filter: { areaCode: scenarios.PENSION_ONLY.areaCode, program: 'PENSION' }, first: 100 });
    expect([
      one.body.data.beneficiary,
      many.body.data.beneficiaries,
      search.body.data.searchBeneficiaries.edges.some((e: { node: { citizenId: string } }) => e.node.citizenId === pensionOnly),
    ]).toEqual([{ citizenId: pensionOnly }, [{ citizenId: pensionOnly }], true]);
  });

  it('OTHER_PROVINCE is invisible to a token of the other scenarios\' province, visible to its own', async () => {
    const other = scenarios.OTHER_PROVINCE;
    const own = await stack.token({ scope: 'beneficiary:read citizen:read', areas: [other.provinceCode] });
    const hidden = await stack.query(reader, MANY, { ids: [other.citizenId] });
    const one = await stack.query(reader, ONE, { id: other.citizenId });
    const search = await stack.query(reader, SEARCH, { filter: { areaCode: other.areaCode }, first: 10 });
    const shown = await stack.query(own, ONE, { id: other.citizenId });
    expect([
      hidden.body,
      one.body,
      search.body.data.searchBeneficiaries,
      shown.body.data.beneficiary,
    ]).toEqual([
      { data: { beneficiaries: [null] } },
      { data: { beneficiary: null } },
      { totalCount: 0, unavailableSources: [], pageInfo: { hasNextPage: false, endCursor: null }, edges: [] },
      { ...expectedBeneficiary(data, other.citizenId), alerts: [] },
    ]);
  });
});

describe('beneficiary: alerts of the account and payment rows, for a caller who may read accounts and payments', () => {
  it('SELF_BANK_ACTIVE none; READY_TO_LINK NO_PAYMENT_ACCOUNT; ACCOUNT_CLOSED ACCOUNT_CLOSED; UNCOLLECTED_3_MONTHS UNCOLLECTED_THREE_MONTHS', async () => {
    const all = await stack.token({ scope: 'beneficiary:read citizen:read accounts:read payments:read', areas: [PROVINCE] });
    const names: ScenarioName[] = ['SELF_BANK_ACTIVE', 'READY_TO_LINK', 'ACCOUNT_CLOSED', 'UNCOLLECTED_3_MONTHS'];
    const { body } = await stack.query(all, `query Al($ids: [CitizenId!]!) { beneficiaries(citizenIds: $ids) { alerts { code source } } }`, { ids: names.map(id) });
    expect({ errors: body.errors, alerts: body.data.beneficiaries.map((b: { alerts: unknown }) => b.alerts) }).toEqual({
      errors: undefined,
      alerts: [
        [],
        [{ code: 'NO_PAYMENT_ACCOUNT', source: 'ACCOUNT_REGISTRY' }],
        [{ code: 'ACCOUNT_CLOSED', source: 'BANK' }],
        // Paid in cash with no link on record: no payment account either.
        [
          { code: 'NO_PAYMENT_ACCOUNT', source: 'ACCOUNT_REGISTRY' },
          { code: 'UNCOLLECTED_THREE_MONTHS', source: 'POST' },
        ],
      ],
    });
  });
});

describe('beneficiaries', () => {
  it('one entry per ID, in order: null for an unknown ID and out of area, repeats answered again', async () => {
    const unknown = '038199999999';
    const ids = [id('SELF_BANK_ACTIVE'), unknown, id('OTHER_PROVINCE'), id('PENSION_ONLY'), id('SELF_BANK_ACTIVE')];
    const { body } = await stack.query(reader, `query O($ids: [CitizenId!]!) { beneficiaries(citizenIds: $ids) { citizenId } }`, { ids });
    expect(body).toEqual({
      data: { beneficiaries: [{ citizenId: ids[0] }, null, null, { citizenId: ids[3] }, { citizenId: ids[0] }] },
    });
  });

  it('refuses more than 100 IDs with BAD_USER_INPUT before asking any subgraph; 100 are fine', async () => {
    const ids = beneficiariesIn(data, PROVINCE).slice(0, 101);
    const before = subgraphRequests();
    const over = await stack.query(reader, `query O($ids: [CitizenId!]!) { beneficiaries(citizenIds: $ids) { citizenId } }`, { ids });
    const refusedCalls = subgraphRequests() - before;
    const ok = await stack.query(reader, `query O($ids: [CitizenId!]!) { beneficiaries(citizenIds: $ids) { citizenId } }`, { ids: ids.slice(0, 100) });
    expect([over.status, errorsOf(over.body), over.body.data, refusedCalls, ok.body.data.beneficiaries.map((b: { citizenId: string }) => b.citizenId)]).toEqual([
      200,
      [{ path: ['beneficiaries'], code: 'BAD_USER_INPUT' }],
      { beneficiaries: null },
      0,
      ids.slice(0, 100),
    ]);
  });
});

describe('searchBeneficiaries', () => {
  /** Walks every page; returns the IDs in order and every page's totalCount. */
  async function walk(filter: Record<string, unknown>, first: number) {
    const ids: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let pages = 0; pages < 100; pages++) {
      const { body } = await stack.query(reader, SEARCH, { filter, first, after });
      const page = body.data.searchBeneficiaries;
      totals.add(page.totalCount);
      ids.push(...page.edges.map((e: { node: { citizenId: string } }) => e.node.citizenId));
      if (!page.pageInfo.hasNextPage) return { ids, totals: [...totals] };
      after = page.pageInfo.endCursor;
    }
    throw new Error('search did not end');
  }

  it('walking every page of a province returns each person of either root once, in order, and totalCount counts people', async () => {
    const expected = beneficiariesIn(data, PROVINCE);
    const people = new Set(data.registry.map((r) => r.citizenId));
    const onBoth = data.insurance.filter((p) => people.has(p.citizenId) && p.provinceCode === PROVINCE).length;
    expect([await walk({ areaCode: PROVINCE }, 100), onBoth > 0]).toEqual([{ ids: expected, totals: [expected.length] }, true]);
  });

  it('filters by program, status and payment method across both roots, in small pages', async () => {
    const entitled = (program: string | null, status: string | null) => (id: string) =>
      [...(data.registry.find((r) => r.citizenId === id)?.entitlements ?? []), ...(data.insurance.find((r) => r.citizenId === id)?.benefits ?? [])].some(
        (e) => (program === null || e.program === program) && (status === null || e.status === status),
      );
    const method = (m: string) => (id: string) => (data.registry.find((r) => r.citizenId === id) ?? data.insurance.find((r) => r.citizenId === id))!.paymentOnFile.method === m;
    const commune = scenarios.MERIT_AND_PENSION.areaCode;
    expect([
      await walk({ areaCode: PROVINCE, program: 'PENSION' }, 37),
      await walk({ areaCode: PROVINCE, status: 'SUSPENDED' }, 5),
      await walk({ areaCode: commune, paymentMethod: 'BANK_ACCOUNT' }, 3),
    ]).toEqual([
      { ids: beneficiariesIn(data, PROVINCE, entitled('PENSION', null)), totals: [beneficiariesIn(data, PROVINCE, entitled('PENSION', null)).length] },
      { ids: beneficiariesIn(data, PROVINCE, entitled(null, 'SUSPENDED')), totals: [beneficiariesIn(data, PROVINCE, entitled(null, 'SUSPENDED')).length] },
      { ids: beneficiariesIn(data, commune, method('BANK_ACCOUNT')), totals: [beneficiariesIn(data, commune, method('BANK_ACCOUNT')).length] },
    ]);
  });

  it('a page of nodes is the composed view, the same as beneficiary answers', async () => {
    const commune = scenarios.MERIT_AND_PENSION.areaCode;
    const { body } = await stack.query(
      reader,
      `query P($f: BeneficiaryFilter!) { searchBeneficiaries(filter: $f, first: 100) { edges { node { ${BENEFICIARY_FIELDS} } } } }`,
      { f: { areaCode: commune } },
    );
    const nodes = body.data.searchBeneficiaries.edges.map((e: { node: { alerts: unknown } }) => ({ ...e.node, alerts: undefined }));
    expect({ errors: body.errors, nodes }).toEqual({
      errors: undefined,
      nodes: beneficiariesIn(data, commune).map((b) => ({ ...expectedBeneficiary(data, b), alerts: undefined })),
    });
  });

  it('refuses first above 100 or below 0 and a cursor it did not issue, with BAD_USER_INPUT', async () => {
    const answers = await Promise.all([
      stack.query(reader, SEARCH, { filter: {}, first: 101 }),
      stack.query(reader, SEARCH, { filter: {}, first: -1 }),
      stack.query(reader, SEARCH, { filter: {}, first: 10, after: 'bm90LWEtY3Vyc29y' }),
    ]);
    expect(answers.map(({ status, body }) => [status, errorsOf(body), body.data])).toEqual(
      Array(3).fill([200, [{ path: ['searchBeneficiaries'], code: 'BAD_USER_INPUT' }], { searchBeneficiaries: null }]),
    );
  });

  it('a token without areas sees nobody, and nothing is asked of the roots', async () => {
    const none = await stack.token({ scope: 'beneficiary:read', areas: [] });
    const before = subgraphRequests();
    const search = await stack.query(none, SEARCH, { filter: {}, first: 10 });
    const one = await stack.query(none, `query N($id: CitizenId!) { beneficiary(citizenId: $id) { citizenId } }`, { id: id('SELF_BANK_ACTIVE') });
    expect([search.body.data.searchBeneficiaries.totalCount, search.body.data.searchBeneficiaries.edges, one.body.data.beneficiary, subgraphRequests() - before]).toEqual([
      0,
      [],
      null,
      0,
    ]);
  });
});

describe('scopes', () => {
  it('without beneficiary:read each root lookup is FORBIDDEN at its path and no subgraph is asked', async () => {
    const citizenOnly = await stack.token({ scope: 'citizen:read', areas: [PROVINCE] });
    const before = subgraphRequests();
    const { status, body } = await stack.query(
      citizenOnly,
      `query F($id: CitizenId!) { beneficiary(citizenId: $id) { citizenId } beneficiaries(citizenIds: [$id]) { citizenId } searchBeneficiaries(filter: {}) { totalCount } }`,
      { id: id('SELF_BANK_ACTIVE') },
    );
    expect([status, body.data, errorsOf(body), subgraphRequests() - before]).toEqual([
      200,
      { beneficiary: null, beneficiaries: null, searchBeneficiaries: null },
      [
        { path: ['beneficiary'], code: 'FORBIDDEN' },
        { path: ['beneficiaries'], code: 'FORBIDDEN' },
        { path: ['searchBeneficiaries'], code: 'FORBIDDEN' },
      ],
      0,
    ]);
  });

  it('without citizen:read, citizen is FORBIDDEN at its path and alerts needing it stay silent', async () => {
    const noCitizen = await stack.token({ scope: 'beneficiary:read', areas: [PROVINCE] });
    const { body } = await stack.query(noCitizen, `query C($id: CitizenId!) { beneficiary(citizenId: $id) { citizenId citizen { id } alerts { code } } }`, {
      id: id('DECEASED_STILL_ACTIVE'),
    });
    expect([body.data, errorsOf(body)]).toEqual([
      { beneficiary: { citizenId: id('DECEASED_STILL_ACTIVE'), citizen: null, alerts: [] } },
      [{ path: ['beneficiary', 'citizen'], code: 'FORBIDDEN' }],
    ]);
  });
});
