import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PaymentListItem } from '../../adapters/shared/types.js';
import type { MockAgencyName } from '../../mocks/index.js';
import { DEFAULT_SEED, generateDataset } from '../../mocks/fixtures/generator.js';
import { testClock } from '../../mocks/testing/index.js';
import { startInProcessStack, type InProcessStack } from '../../test/support/in-process-stack.js';

/*
 * Payment status end to end: mock agencies over generated data, every subgraph and the stitched gateway in this
 * process. Expected values come from the data set and its scenario catalog, never from hard-coded IDs.
 */

const dataset = generateDataset({ seed: DEFAULT_SEED, scale: 300, referenceDate: '2026-11-15' });
const { period, scenarios: S } = { period: dataset.scenarios.period, scenarios: dataset.scenarios.scenarios };
const periodsNewestFirst = [...dataset.periods].reverse();
const province = S.SELF_BANK_ACTIVE.provinceCode;
const otherProvince = S.OTHER_PROVINCE.provinceCode;

let stack: InProcessStack;
beforeAll(async () => {
  stack = await startInProcessStack({ dataset, clock: testClock, agency: { retries: 0 } });
});
afterAll(async () => stack?.stop());
afterEach(() => {
  for (const mock of Object.values(stack.mocks.mocks)) mock.setFault(null);
});

/** POSTs one named operation. */
async function gql(token: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; errors?: any[] }> {
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables, operationName: 'Op' }),
  });
  return (await res.json()) as { data?: any; errors?: any[] };
}

const token = (scope: string, areas: string[]) => stack.token({ scope, areas });
const reader = () => token('beneficiary:read payments:read reports:read', [province]);
const codes = (r: { errors?: any[] }) => (r.errors ?? []).map((e) => ({ code: e.extensions?.code, path: e.path, source: e.extensions?.source }));

/** Every line a person has in the data set, with its period. */
function linesOf(citizenId: string): { period: string; item: PaymentListItem }[] {
  return [...dataset.laborLists, ...dataset.insuranceLists].flatMap((l) => l.items.filter((i) => i.citizenId === citizenId).map((item) => ({ period: l.period, item })));
}
/** The payer's reason on a payment's report of this type. */
const reasonOf = (paymentId: string, type: string) => dataset.payerEvents.find((e) => e.paymentId === paymentId && e.type === type)?.reason;

const PAYMENT_FIELDS = 'id period program amount method status statusReason paidAt provider { code kind } events { status source applied }';
const BENEFICIARY_PAYMENTS = `query Op($id: CitizenId!, $period: Period, $last: Int) {
  beneficiary(citizenId: $id) { citizenId payments(period: $period, last: $last) { ${PAYMENT_FIELDS} } }
}`;

async function paymentsOf(citizenId: string, args: { period?: string; last?: number } = {}) {
  const r = await gql(await reader(), BENEFICIARY_PAYMENTS, { id: citizenId, ...args });
  expect(r.errors).toBeUndefined();
  return r.data.beneficiary.payments as any[];
}

describe('scenario catalog: payment rows', () => {
  it('SELF_BANK_ACTIVE: the last 3 payments are PAID via BANK_ACCOUNT', async () => {
    const last3 = await paymentsOf(S.SELF_BANK_ACTIVE.citizenId, { last: 3 });
    expect(last3.map((p) => [p.period, p.status, p.method, p.provider.kind, p.statusReason])).toEqual(
      periodsNewestFirst.slice(0, 3).map((p) => [p, 'PAID', 'BANK_ACCOUNT', 'BANK', null]),
    );
    expect(last3.every((p) => p.paidAt !== null && p.events.every((e: any) => e.applied))).toBe(true);
    expect(last3[0].events.map((e: any) => [e.status, e.source])).toEqual([
      ['SCHEDULED', 'LABOR_REGISTRY'],
      ['FUNDED', 'TREASURY'],
      ['SENT', 'BANK'],
      ['PAID', 'BANK'],
    ]);
  });

  it('POST_CASH: paid in cash at the post office by VNPOST', async () => {
    const payments = await paymentsOf(S.POST_CASH.citizenId);
    expect(payments.length).toBe(linesOf(S.POST_CASH.citizenId).length);
    expect(new Set(payments.map((p) => `${p.status} ${p.method} ${p.provider.code} ${p.provider.kind}`))).toEqual(
      new Set(['PAID_IN_CASH POST_OFFICE_CASH VNPOST POST']),
    );
    expect(payments[0].events.map((e: any) => [e.status, e.source])).toEqual([
      ['SCHEDULED', 'LABOR_REGISTRY'],
      ['FUNDED', 'TREASURY'],
      ['SENT', 'POST'],
      ['PAID_IN_CASH', 'POST'],
    ]);
  });

  it('HOME_DELIVERY: paid at home by the Post', async () => {
    const [latest] = await paymentsOf(S.HOME_DELIVERY.citizenId, { last: 1 });
    expect([latest.period, latest.method, latest.status, latest.provider.code]).toEqual([period, 'HOME_DELIVERY', 'PAID_IN_CASH', 'VNPOST']);
  });

  it('FAILED_PAYMENT: the latest payment FAILED with the bank’s reason', async () => {
    const [latest] = await paymentsOf(S.FAILED_PAYMENT.citizenId, { last: 1 });
    const line = linesOf(S.FAILED_PAYMENT.citizenId).find((l) => l.period === period)!;
    expect([latest.period, latest.status, latest.paidAt]).toEqual([period, 'FAILED', null]);
    expect(latest.statusReason).toBe(reasonOf(line.item.paymentId, 'REJECTED'));
    expect(typeof latest.statusReason).toBe('string');
  });

  it('ACCOUNT_CLOSED: the latest payment was RETURNED', async () => {
    const [latest] = await paymentsOf(S.ACCOUNT_CLOSED.citizenId, { last: 1 });
    const line = linesOf(S.ACCOUNT_CLOSED.citizenId).find((l) => l.period === period)!;
    expect([latest.period, latest.status, latest.method]).toEqual([period, 'RETURNED', 'BANK_ACCOUNT']);
    expect(latest.statusReason).toBe(reasonOf(line.item.paymentId, 'RETURNED'));
  });

  it('UNCOLLECTED_3_MONTHS: cash uncollected in each of the last 3 months went back (RETURNED)', async () => {
    const last3 = await paymentsOf(S.UNCOLLECTED_3_MONTHS.citizenId, { last: 3 });
    const lines = linesOf(S.UNCOLLECTED_3_MONTHS.citizenId);
    expect(last3.map((p) => [p.period, p.status, p.method === 'POST_OFFICE_CASH' || p.method === 'HOME_DELIVERY'])).toEqual(
      periodsNewestFirst.slice(0, 3).map((p) => [p, 'RETURNED', true]),
    );
    expect(last3.map((p) => p.statusReason)).toEqual(
      periodsNewestFirst.slice(0, 3).map((p) => reasonOf(lines.find((l) => l.period === p)!.item.paymentId, 'UNCOLLECTED')),
    );
  });
});

describe('Beneficiary.payments', () => {
  it('lists newest first, by program within a month; last caps; period keeps one month', async () => {
    const id = S.MERIT_AND_PENSION.citizenId;
    const all = await paymentsOf(id);
    const expected = linesOf(id)
      .map((l) => l.period)
      .sort()
      .reverse();
    expect(all.map((p) => p.period)).toEqual(expected);
    expect(all.slice(0, 2).map((p) => [p.period, p.program])).toEqual([
      [period, 'MERIT_ALLOWANCE'],
      [period, 'PENSION'],
    ]);
    expect((await paymentsOf(id, { last: 3 })).map((p) => p.id)).toEqual(all.slice(0, 3).map((p) => p.id));
    const previous = periodsNewestFirst[1]!;
    expect((await paymentsOf(id, { period: previous })).map((p) => p.id)).toEqual(all.filter((p) => p.period === previous).map((p) => p.id));
    expect(await paymentsOf(id, { last: 0 })).toEqual([]);
  });

  it.each([
    ['BANK', 'SELF_BANK_ACTIVE'],
    ['POST', 'POST_CASH'],
  ] as const)('is null with SOURCE_UNAVAILABLE naming %s when the payer of %s is down; the rest stands', async (payer, scenario) => {
    stack.mocks.mocks[payer as MockAgencyName].setFault({ mode: 'down' });
    const r = await gql(await reader(), BENEFICIARY_PAYMENTS, { id: S[scenario].citizenId });
    expect(r.data.beneficiary).toEqual({ citizenId: S[scenario].citizenId, payments: null });
    expect(codes(r)).toEqual([{ code: 'SOURCE_UNAVAILABLE', path: ['beneficiary', 'payments'], source: payer }]);
  });

  it('does not need the Post for a beneficiary paid by bank', async () => {
    stack.mocks.mocks.POST.setFault({ mode: 'down' });
    const r = await gql(await reader(), BENEFICIARY_PAYMENTS, { id: S.SELF_BANK_ACTIVE.citizenId });
    expect(r.errors).toBeUndefined();
    expect(r.data.beneficiary.payments.length).toBeGreaterThan(0);
  });

  it('is null with FORBIDDEN without payments:read, and asks no payer', async () => {
    for (const m of Object.values(stack.mocks.mocks)) m.resetStats();
    const r = await gql(await token('beneficiary:read', [province]), BENEFICIARY_PAYMENTS, { id: S.SELF_BANK_ACTIVE.citizenId });
    expect(r.data.beneficiary).toEqual({ citizenId: S.SELF_BANK_ACTIVE.citizenId, payments: null });
    expect(codes(r)).toEqual([{ code: 'FORBIDDEN', path: ['beneficiary', 'payments'], source: undefined }]);
    expect([stack.mocks.mocks.BANK.stats().requests, stack.mocks.mocks.POST.stats().requests, stack.mocks.mocks.TREASURY.stats().requests]).toEqual([0, 0, 0]);
  });
});

const PAGE = `query Op($filter: PaymentFilter!, $first: Int, $after: String) {
  payments(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id beneficiaryCitizenId method amount status events { at } } }
  }
}`;

/** Every payment of a filter, page by page. */
async function allPayments(tok: string, filter: Record<string, unknown>, first = 500): Promise<{ totalCount: number; nodes: any[] }> {
  const nodes: any[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (;;) {
    const r = await gql(tok, PAGE, { filter, first, after });
    expect(r.errors).toBeUndefined();
    const page = r.data.payments;
    totalCount = page.totalCount;
    nodes.push(...page.edges.map((e: any) => e.node));
    if (!page.pageInfo.hasNextPage) break;
    after = page.pageInfo.endCursor;
  }
  return { totalCount, nodes };
}

const SUMMARY = `query Op($area: AreaCode!, $period: Period!, $program: Program) {
  disbursementSummary(areaCode: $area, period: $period, program: $program) {
    area { code } period program beneficiaryCount withAccountCount accountCoverageRate paymentCount paidCount paidCashlessCount
    cashlessRate failedCount returnedCount totalAmount paidAmount byMethod { method count amount } reportDueDate
  }
}`;

/**
 * People with an ACTIVE bank or e-wallet link: the accounts store imported the registry's and BHXH's accounts on file
 * at start, and these tests link nothing.
 */
const linked = new Set(dataset.accountsOnFile.filter((a) => a.method === 'BANK_ACCOUNT' || a.method === 'E_WALLET').map((a) => a.beneficiaryCitizenId));

/** The report as a reader would compute it from the listed payments and the links on record. */
function recompute(nodes: any[]) {
  const cashless = (m: string) => m === 'BANK_ACCOUNT' || m === 'E_WALLET';
  const latest = new Map<string, any>();
  for (const n of nodes) latest.set(n.beneficiaryCitizenId, n);
  const paid = nodes.filter((n) => n.status === 'PAID' || n.status === 'PAID_IN_CASH');
  const paidCashless = paid.filter((n) => n.status === 'PAID' && cashless(n.method)).length;
  const withAccount = [...latest.keys()].filter((id) => linked.has(id)).length;
  const sum = (ns: any[]) => ns.reduce((s, n) => s + n.amount, 0);
  return {
    beneficiaryCount: latest.size,
    withAccountCount: withAccount,
    accountCoverageRate: latest.size === 0 ? 0 : withAccount / latest.size,
    paymentCount: nodes.length,
    paidCount: paid.length,
    paidCashlessCount: paidCashless,
    cashlessRate: paid.length === 0 ? 0 : paidCashless / paid.length,
    failedCount: nodes.filter((n) => n.status === 'FAILED').length,
    returnedCount: nodes.filter((n) => n.status === 'RETURNED').length,
    totalAmount: sum(nodes),
    paidAmount: sum(paid),
    byMethod: ['BANK_ACCOUNT', 'E_WALLET', 'POST_OFFICE_CASH', 'HOME_DELIVERY']
      .map((method) => ({ method, count: nodes.filter((n) => n.method === method).length, amount: sum(nodes.filter((n) => n.method === method)) }))
      .filter((m) => m.count > 0),
  };
}

describe('payments and the monthly report', () => {
  it.each([
    ['province', () => province, null],
    ['commune', () => S.SELF_BANK_ACTIVE.areaCode, null],
    ['province, one program', () => province, 'SOCIAL_ASSISTANCE'],
  ] as const)('the summary of a %s is what the payments list adds up to', async (_, area, program) => {
    const tok = await reader();
    const filter = { period, areaCode: area(), ...(program ? { program } : {}) };
    const { totalCount, nodes } = await allPayments(tok, filter);
    expect(nodes.length).toBe(totalCount);
    const r = await gql(tok, SUMMARY, { area: area(), period, program });
    expect(r.errors).toBeUndefined();
    expect(r.data.disbursementSummary).toEqual({ area: { code: area() }, period, program, ...recompute(nodes), reportDueDate: `${period}-10` });
    expect(totalCount).toBeGreaterThan(0);
  });

  it('pages with opaque cursors: the pages of 7 are the one page of 500, in order, without repeats', async () => {
    const tok = await reader();
    const filter = { period, areaCode: province };
    const small = await allPayments(tok, filter, 7);
    const big = await allPayments(tok, filter, 500);
    expect(small.nodes.map((n) => n.id)).toEqual(big.nodes.map((n) => n.id));
    expect(new Set(big.nodes.map((n) => n.id)).size).toBe(big.totalCount);
  });

  it('filters by status and method', async () => {
    const tok = await reader();
    const { nodes } = await allPayments(tok, { period, areaCode: province });
    const byStatus = await allPayments(tok, { period, areaCode: province, status: 'PAID' });
    expect(byStatus.nodes.map((n) => n.id)).toEqual(nodes.filter((n) => n.status === 'PAID').map((n) => n.id));
    const byMethod = await allPayments(tok, { period, areaCode: province, method: 'HOME_DELIVERY' });
    expect(byMethod.nodes.map((n) => n.id)).toEqual(nodes.filter((n) => n.method === 'HOME_DELIVERY').map((n) => n.id));
    expect(byMethod.totalCount).toBeGreaterThan(0);
  });

  it('finds a listed payment again by its ID', async () => {
    const tok = await reader();
    const [first] = (await allPayments(tok, { period, areaCode: S.FAILED_PAYMENT.areaCode })).nodes;
    const r = await gql(
      tok,
      `query Op($id: ID!) { payment(id: $id) { id beneficiaryCitizenId method amount status events { at } batch { status treasuryOrder { status } } } }`,
      { id: first.id },
    );
    expect(r.data.payment).toEqual({ ...first, batch: { status: 'CLOSED', treasuryOrder: { status: 'TRANSFERRED' } } });
  });

  it('counts account coverage the same when the IDs go to the accounts store in many small requests', async () => {
    const chunked = await stack.startGateway({ COVERAGE_CHUNK_IDS: '7' });
    try {
      const tok = await reader();
      const vars = { area: province, period, program: null };
      const whole = (await gql(tok, SUMMARY, vars)).data.disbursementSummary;
      const before = stack.subgraphs.accounts.stats.requests;
      const res = await fetch(chunked.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${tok}` },
        body: JSON.stringify({ query: SUMMARY, variables: vars }),
      });
      const inChunks = ((await res.json()) as any).data.disbursementSummary;
      expect(inChunks).toEqual(whole);
      expect(stack.subgraphs.accounts.stats.requests - before).toBe(Math.ceil(whole.beneficiaryCount / 7));
    } finally {
      await chunked.close();
    }
  });

  it('counts a new ACTIVE bank link in withAccountCount at once (accounts store, not the lists)', async () => {
    const commune = S.READY_TO_LINK.areaCode;
    const tok = await token('beneficiary:read reports:read accounts:write', [province]);
    const coverage = async () => (await gql(tok, SUMMARY, { area: commune, period, program: null })).data.disbursementSummary;
    const before = await coverage();
    const pushesBefore = {
      population: stack.mocks.mocks.POPULATION.stats().byRoute['POST /api/v1/account-updates'] ?? 0,
      registry: stack.mocks.mocks.LABOR_REGISTRY.stats().byRoute['PUT /registry/v2/beneficiaries/{citizenId}/payment-method'] ?? 0,
    };
    const linkedNow = await gql(
      tok,
      `mutation Op($input: LinkPaymentAccountInput!) { linkPaymentAccount(input: $input) { link { status } userErrors { code } } }`,
      {
        input: {
          idempotencyKey: 'summary-coverage-0001',
          beneficiaryCitizenId: S.READY_TO_LINK.citizenId,
          method: 'BANK_ACCOUNT',
          providerCode: S.READY_TO_LINK.bankAccount.providerCode,
          accountNumber: S.READY_TO_LINK.bankAccount.accountNumber,
          consentReference: 'DK/TEST/0001',
        },
      },
    );
    expect(linkedNow.data.linkPaymentAccount).toEqual({ link: { status: 'ACTIVE' }, userErrors: [] });
    // Let the accounts outbox deliver the link (population database, then the registry) so its pushes do not
    // land in the request counts of the tests that follow.
    const pushed = () =>
      (stack.mocks.mocks.POPULATION.stats().byRoute['POST /api/v1/account-updates'] ?? 0) > pushesBefore.population &&
      (stack.mocks.mocks.LABOR_REGISTRY.stats().byRoute['PUT /registry/v2/beneficiaries/{citizenId}/payment-method'] ?? 0) > pushesBefore.registry;
    for (let waited = 0; !pushed() && waited < 10_000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(pushed()).toBe(true);
    const after = await coverage();
    expect([after.withAccountCount, after.beneficiaryCount]).toEqual([before.withAccountCount + 1, before.beneficiaryCount]);
    expect(after.accountCoverageRate).toBe(after.withAccountCount / after.beneficiaryCount);
  });

  it('costs a few batched agency calls for a whole province, not one per payment', async () => {
    for (const m of Object.values(stack.mocks.mocks)) m.resetStats();
    const r = await gql(await reader(), SUMMARY, { area: province, period });
    expect(r.data.disbursementSummary.paymentCount).toBeGreaterThan(100);
    const calls = Object.fromEntries(Object.entries(stack.mocks.mocks).map(([name, m]) => [name, m.stats().requests]));
    // One list query per root, one treasury query for every list, one results query per payer for every payment.
    expect(calls).toEqual({ POPULATION: 0, LABOR_REGISTRY: 1, SOCIAL_INSURANCE: 1, TREASURY: 1, BANK: 1, POST: 1 });
  });

  it('answers zeros for an area and month without payments', async () => {
    const r = await gql(await reader(), SUMMARY, { area: province, period: '2025-02', program: null });
    expect(r.data.disbursementSummary).toEqual({
      area: { code: province },
      period: '2025-02',
      program: null,
      beneficiaryCount: 0,
      withAccountCount: 0,
      accountCoverageRate: 0,
      paymentCount: 0,
      paidCount: 0,
      paidCashlessCount: 0,
      cashlessRate: 0,
      failedCount: 0,
      returnedCount: 0,
      totalAmount: 0,
      paidAmount: 0,
      byMethod: [],
      reportDueDate: '2025-02-10',
    });
  });

  it('refuses first above 500 and a cursor it did not issue', async () => {
    const tok = await reader();
    expect(codes(await gql(tok, PAGE, { filter: { period }, first: 501 }))).toEqual([{ code: 'BAD_USER_INPUT', path: ['payments'], source: undefined }]);
    expect(codes(await gql(tok, PAGE, { filter: { period }, after: 'bm90LWEtY3Vyc29y' }))).toEqual([{ code: 'BAD_USER_INPUT', path: ['payments'], source: undefined }]);
  });
});

describe('areas and scopes', () => {
  it('leaves out payments, batches and IDs outside the caller’s areas; a summary there is FORBIDDEN', async () => {
    const tok = await reader();
    const other = await allPayments(await token('payments:read', [otherProvince]), { period, areaCode: otherProvince });
    expect(other.totalCount).toBeGreaterThan(0);
    expect((await allPayments(tok, { period, areaCode: otherProvince })).totalCount).toBe(0);
    expect((await allPayments(tok, { period })).nodes.some((n) => n.beneficiaryCitizenId === S.OTHER_PROVINCE.citizenId)).toBe(false);
    const r = await gql(tok, `query Op($id: ID!) { payment(id: $id) { id } }`, { id: other.nodes[0].id });
    expect(r).toEqual({ data: { payment: null } });
    const s = await gql(tok, SUMMARY, { area: otherProvince, period });
    expect([s.data.disbursementSummary, codes(s)]).toEqual([null, [{ code: 'FORBIDDEN', path: ['disbursementSummary'], source: undefined }]]);
  });

  it('a commune token sees its commune’s summary, not its province’s', async () => {
    const tok = await token('reports:read', [S.SELF_BANK_ACTIVE.areaCode]);
    expect((await gql(tok, SUMMARY, { area: S.SELF_BANK_ACTIVE.areaCode, period })).errors).toBeUndefined();
    expect(codes(await gql(tok, SUMMARY, { area: province, period }))).toEqual([{ code: 'FORBIDDEN', path: ['disbursementSummary'], source: undefined }]);
  });

  it('FORBIDDEN without the scope, before any agency call', async () => {
    for (const m of Object.values(stack.mocks.mocks)) m.resetStats();
    const tok = await token('beneficiary:read', [province]);
    const r = await gql(tok, `query Op($p: Period!, $a: AreaCode!) { payments(filter: { period: $p }) { totalCount } paymentBatches(period: $p) { id } disbursementSummary(areaCode: $a, period: $p) { paymentCount } }`, {
      p: period,
      a: province,
    });
    expect(r.data).toEqual({ payments: null, paymentBatches: null, disbursementSummary: null });
    expect(codes(r).map((e) => [e.code, e.path[0]]).sort()).toEqual([
      ['FORBIDDEN', 'disbursementSummary'],
      ['FORBIDDEN', 'paymentBatches'],
      ['FORBIDDEN', 'payments'],
    ]);
    expect(Object.values(stack.mocks.mocks).reduce((n, m) => n + m.stats().requests, 0)).toBe(0);
  });
});

describe('payment batches', () => {
  it('total the amounts and count the items of their payments; funded batches have a TRANSFERRED order', async () => {
    const r = await gql(
      await reader(),
      `query Op($p: Period!, $a: AreaCode) {
        paymentBatches(period: $p, areaCode: $a) {
          id period program status itemCount totalAmount area { code } payer { code kind }
          treasuryOrder { reference status amount transferredAt }
          payments(first: 500) { totalCount edges { node { amount status batch { id } } } }
        }
      }`,
      { p: period, a: province },
    );
    expect(r.errors).toBeUndefined();
    const batches = r.data.paymentBatches as any[];
    expect(batches.length).toBeGreaterThan(0);
    for (const b of batches) {
      const nodes = b.payments.edges.map((e: any) => e.node);
      expect([b.itemCount, b.totalAmount]).toEqual([b.payments.totalCount, nodes.reduce((s: number, n: any) => s + n.amount, 0)]);
      expect(nodes.every((n: any) => n.batch.id === b.id)).toBe(true);
      if (b.status !== 'SUBMITTED') expect(b.treasuryOrder.status).toBe('TRANSFERRED');
      // The treasury funds the list net of cancelled lines.
      const funded = nodes.filter((n: any) => n.status !== 'CANCELLED').reduce((s: number, n: any) => s + n.amount, 0);
      expect(b.treasuryOrder.amount).toBe(funded);
    }
    expect(new Set(batches.map((b) => b.status))).toEqual(new Set(['CLOSED']));
    const one = await gql(await reader(), `query Op($id: ID!) { paymentBatch(id: $id) { id itemCount } }`, { id: batches[0].id });
    expect(one.data.paymentBatch).toEqual({ id: batches[0].id, itemCount: batches[0].itemCount });
  });
});
