import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, startProcessTree, type ProcessTree } from './support/process-tree.js';

// The scenario catalog of ../shared/api/running.md, row by row, against the process tree `npm start` runs, with
// the IDs of the committed mocks/fixtures/scenarios.json (what outside suites read).
type Scenario = { citizenId: string; areaCode: string; provinceCode: string; representativeCitizenId: string | null; bankAccount: { providerCode: string; accountNumber: string; holderName: string } };
let tree: ProcessTree;
let S: Record<string, Scenario>;
let period: string;
let reader: string;
let writer: string;

const LOOKUP = `query Row($id: CitizenId!, $period: Period) { beneficiary(citizenId: $id) {
  citizenId fullName dateOfBirth area { code province { code } } paymentMethod
  entitlements { program source status insuranceCode }
  representatives { role citizenId mandateReference validUntil }
  citizen { id vitalStatus }
  paymentAccount { status method recipientRole recipientCitizenId provider { code } }
  payments(last: 12) { period status statusReason method provider { code } }
  latest: payments(period: $period) { status statusReason method }
  alerts { code source } } }`;

async function row(name: string, token = reader) {
  const { status, body } = await tree.gql(token, LOOKUP, { id: S[name]!.citizenId, period });
  expect(status).toBe(200);
  return body as { data: { beneficiary: any }; errors?: any[] };
}
const codes = (b: { alerts: { code: string }[] }) => b.alerts.map((a) => a.code).sort();
const lastThreePeriods = (p: string) => {
  const [y, m] = p.split('-').map(Number) as [number, number];
  return [0, 1, 2].map((k) => {
    const d = new Date(Date.UTC(y, m - 1 - k, 1));
    return d.toISOString().slice(0, 7);
  });
};

const LINK = `mutation Link($input: LinkPaymentAccountInput!) { linkPaymentAccount(input: $input) {
  link { status method recipientRole } userErrors { code field } replayed } }`;
const link = async (name: string, key: string, account = S[name]!.bankAccount) =>
  (
    await tree.gql(writer, LINK, {
      input: {
        idempotencyKey: key,
        beneficiaryCitizenId: S[name]!.citizenId,
        method: 'BANK_ACCOUNT',
        providerCode: account.providerCode,
        accountNumber: account.accountNumber,
        consentReference: `E2E/${key}`,
      },
    })
  ).body.data.linkPaymentAccount;

beforeAll(async () => {
  const file = JSON.parse(await readFile(join(repoRoot, 'mocks/fixtures/scenarios.json'), 'utf8'));
  S = file.scenarios;
  tree = await startProcessTree({ MOCK_SCALE: '600' });
  period = /period (\d{4}-\d{2})/.exec(tree.readyLine)![1]!;
  const province = S.SELF_BANK_ACTIVE!.provinceCode;
  reader = await tree.token(['--scope', 'beneficiary:read citizen:read accounts:read payments:read', '--areas', province, '--sub', 'e2e-reader']);
  writer = await tree.token(['--scope', 'beneficiary:read accounts:read accounts:write', '--areas', province, '--sub', 'e2e-officer']);
});

afterAll(async () => {
  await tree?.stop();
});

describe('scenario catalog over the running system', () => {
  it('SELF_BANK_ACTIVE: ACTIVE own bank link, last 3 payments PAID via BANK_ACCOUNT, no alerts', async () => {
    const { data, errors } = await row('SELF_BANK_ACTIVE');
    expect(errors).toBeUndefined();
    const b = data.beneficiary;
    expect(b.paymentAccount).toMatchObject({ status: 'ACTIVE', method: 'BANK_ACCOUNT', recipientRole: 'SELF' });
    const lastThree = b.payments.filter((p: any) => lastThreePeriods(period).includes(p.period));
    expect(lastThree.map((p: any) => [p.period, p.status, p.method])).toEqual(lastThreePeriods(period).map((p) => [p, 'PAID', 'BANK_ACCOUNT']));
    expect(b.alerts).toEqual([]);
  });

  it('MERIT_AND_PENSION: exactly two entitlements, from the registry and from social insurance with a 10-digit code', async () => {
    const b = (await row('MERIT_AND_PENSION')).data.beneficiary;
    expect(b.entitlements.map((e: any) => [e.source, e.program]).sort()).toEqual([
      ['LABOR_REGISTRY', 'MERIT_ALLOWANCE'],
      ['SOCIAL_INSURANCE', 'PENSION'],
    ]);
    expect(b.entitlements.find((e: any) => e.source === 'SOCIAL_INSURANCE').insuranceCode).toMatch(/^\d{10}$/);
  });

  it("GUARDIAN_CHILD: a GUARDIAN with a mandate; the link pays the guardian", async () => {
    const b = (await row('GUARDIAN_CHILD')).data.beneficiary;
    const guardian = S.GUARDIAN_CHILD!.representativeCitizenId;
    expect(b.representatives).toEqual([expect.objectContaining({ role: 'GUARDIAN', citizenId: guardian, mandateReference: expect.any(String) })]);
    expect(b.paymentAccount).toMatchObject({ recipientRole: 'GUARDIAN', recipientCitizenId: guardian });
  });

  it('PROXY_EXPIRED: alert REPRESENTATIVE_MANDATE_EXPIRED', async () => {
    expect(codes((await row('PROXY_EXPIRED')).data.beneficiary)).toContain('REPRESENTATIVE_MANDATE_EXPIRED');
  });

  it('DECEASED_STILL_ACTIVE: alert DECEASED_WITH_ACTIVE_ENTITLEMENT, and linking answers BENEFICIARY_DECEASED', async () => {
    const b = (await row('DECEASED_STILL_ACTIVE')).data.beneficiary;
    expect(b.citizen.vitalStatus).toBe('DECEASED');
    expect(codes(b)).toContain('DECEASED_WITH_ACTIVE_ENTITLEMENT');
    expect((await link('DECEASED_STILL_ACTIVE', 'e2e-deceased-0001')).userErrors.map((e: any) => e.code)).toEqual(['BENEFICIARY_DECEASED']);
  });

  it('NOT_IN_POPULATION_DB: citizen null and alert CITIZEN_NOT_FOUND', async () => {
    const { data, errors } = await row('NOT_IN_POPULATION_DB');
    expect(errors).toBeUndefined();
    expect(data.beneficiary.citizen).toBeNull();
    expect(codes(data.beneficiary)).toContain('CITIZEN_NOT_FOUND');
  });

  it('NAME_MISMATCH: alert NAME_MISMATCH', async () => {
    expect(codes((await row('NAME_MISMATCH')).data.beneficiary)).toContain('NAME_MISMATCH');
  });

  it('POST_CASH: payments PAID_IN_CASH via POST_OFFICE_CASH, provider VNPOST', async () => {
    const b = (await row('POST_CASH')).data.beneficiary;
    expect(b.latest).toEqual([expect.objectContaining({ status: 'PAID_IN_CASH', method: 'POST_OFFICE_CASH' })]);
    expect(b.payments.filter((p: any) => p.period === period).map((p: any) => p.provider.code)).toEqual(['VNPOST']);
  });

  it('HOME_DELIVERY: method HOME_DELIVERY', async () => {
    const b = (await row('HOME_DELIVERY')).data.beneficiary;
    expect(b.paymentMethod).toBe('HOME_DELIVERY');
    expect(b.latest.map((p: any) => p.method)).toEqual(['HOME_DELIVERY']);
  });

  it('READY_TO_LINK: no link, alert NO_PAYMENT_ACCOUNT; linking the account succeeds and replays', async () => {
    const before = (await row('READY_TO_LINK')).data.beneficiary;
    expect(before.paymentAccount).toBeNull();
    expect(codes(before)).toContain('NO_PAYMENT_ACCOUNT');
    const first = await link('READY_TO_LINK', 'e2e-ready-0001');
    expect(first).toEqual({ link: { status: 'ACTIVE', method: 'BANK_ACCOUNT', recipientRole: 'SELF' }, userErrors: [], replayed: false });
    expect((await link('READY_TO_LINK', 'e2e-ready-0001')).replayed).toBe(true);
    const after = (await row('READY_TO_LINK')).data.beneficiary;
    expect(after.paymentAccount).toMatchObject({ status: 'ACTIVE' });
    expect(codes(after)).not.toContain('NO_PAYMENT_ACCOUNT');
  });

  it('HOLDER_MISMATCH: linking answers ACCOUNT_HOLDER_MISMATCH', async () => {
    expect(await link('HOLDER_MISMATCH', 'e2e-holder-0001')).toEqual({
      link: null,
      userErrors: [{ code: 'ACCOUNT_HOLDER_MISMATCH', field: ['input', 'accountNumber'] }],
      replayed: false,
    });
  });

  it('ACCOUNT_CLOSED: alert ACCOUNT_CLOSED, latest payment RETURNED', async () => {
    const b = (await row('ACCOUNT_CLOSED')).data.beneficiary;
    expect(codes(b)).toContain('ACCOUNT_CLOSED');
    expect(b.latest.map((p: any) => p.status)).toEqual(['RETURNED']);
  });

  it('FAILED_PAYMENT: latest payment FAILED with a reason', async () => {
    const b = (await row('FAILED_PAYMENT')).data.beneficiary;
    expect(b.latest).toEqual([expect.objectContaining({ status: 'FAILED', statusReason: expect.any(String) })]);
  });

  it('UNCOLLECTED_3_MONTHS: alert UNCOLLECTED_THREE_MONTHS, entitlement SUSPENDED', async () => {
    const b = (await row('UNCOLLECTED_3_MONTHS')).data.beneficiary;
    expect(codes(b)).toContain('UNCOLLECTED_THREE_MONTHS');
    expect(b.entitlements.map((e: any) => e.status)).toContain('SUSPENDED');
  });

  it('PENSION_ONLY: found by every lookup, one SOCIAL_INSURANCE entitlement, no representatives', async () => {
    const id = S.PENSION_ONLY!.citizenId;
    const b = (await row('PENSION_ONLY')).data.beneficiary;
    expect(b.entitlements.map((e: any) => e.source)).toEqual(['SOCIAL_INSURANCE']);
    expect(b.representatives).toEqual([]);
    expect(b.area.code).toBe(S.PENSION_ONLY!.areaCode);
    const many = await tree.gql(reader, 'query M($ids: [CitizenId!]!) { beneficiaries(citizenIds: $ids) { citizenId } }', { ids: [id] });
    expect(many.body.data.beneficiaries).toEqual([{ citizenId: id }]);
    const search = await tree.gql(reader, 'query S($a: AreaCode) { searchBeneficiaries(filter: { areaCode: $a, program: PENSION }, first: 100) { edges { node { citizenId } } } }', {
      a: S.PENSION_ONLY!.areaCode,
    });
    expect(search.body.data.searchBeneficiaries.edges.map((e: any) => e.node.citizenId)).toContain(id);
  });

  it('OTHER_PROVINCE: invisible to a token limited to the other scenarios\' province, visible to its own', async () => {
    expect(S.OTHER_PROVINCE!.provinceCode).not.toBe(S.SELF_BANK_ACTIVE!.provinceCode);
    const hidden = await row('OTHER_PROVINCE');
    expect(hidden.data.beneficiary).toBeNull();
    expect(hidden.errors).toBeUndefined();
    const own = await tree.token(['--scope', 'beneficiary:read', '--areas', S.OTHER_PROVINCE!.provinceCode]);
    const seen = await tree.gql(own, 'query O($id: CitizenId!) { beneficiary(citizenId: $id) { citizenId } }', { id: S.OTHER_PROVINCE!.citizenId });
    expect(seen.body.data.beneficiary).toEqual({ citizenId: S.OTHER_PROVINCE!.citizenId });
  });
});
