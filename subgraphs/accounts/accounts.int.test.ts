import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Scenario, ScenarioName } from '../../mocks/fixtures/dataset.js';
import { generateDataset } from '../../mocks/fixtures/generator.js';
import { startInProcessStack, type InProcessStack } from '../../test/support/in-process-stack.js';
import { crc16CcittFalse } from './viet-qr.js';

// Mocks, every subgraph and the gateway in this process, over generated data: the scenarios of running.md seen
// through the public schema.
const START = new Date('2026-11-15T03:00:00.000Z');
const dataset = generateDataset({ referenceDate: '2026-11-15', scale: 200 });
const scenario = (name: ScenarioName): Scenario => dataset.scenarios.scenarios[name];
const LINK_FIELDS = `id beneficiaryCitizenId method recipientRole recipientCitizenId provider { code name kind } accountNumberMasked accountHolderName
  status checks { name passed } effectiveFrom consentReference createdAt createdBy unlinkedAt unlinkReason`;
const LINK = `mutation Link($input: LinkPaymentAccountInput!) { linkPaymentAccount(input: $input) { link { ${LINK_FIELDS} } userErrors { code field } replayed } }`;
const UNLINK = `mutation Unlink($input: UnlinkPaymentAccountInput!) { unlinkPaymentAccount(input: $input) { link { id status unlinkedAt unlinkReason } userErrors { code field } replayed } }`;
const ACCOUNT = `query Account($id: CitizenId!) { beneficiary(citizenId: $id) { paymentAccount { ${LINK_FIELDS} } paymentAccountHistory { id status } } }`;

/** A VietQR transfer payload for an account, with its CRC. */
function vietQr(bin: string, account: string): string {
  const tlv = (tag: string, value: string) => `${tag}${String(value.length).padStart(2, '0')}${value}`;
  const body =
    tlv('00', '01') + tlv('01', '11') + tlv('38', tlv('00', 'A000000727') + tlv('01', tlv('00', bin) + tlv('01', account)) + tlv('02', 'QRIBFTTA')) + tlv('53', '704') + tlv('58', 'VN') + '6304';
  return body + crc16CcittFalse(new TextEncoder().encode(body)).toString(16).toUpperCase().padStart(4, '0');
}

let stack: InProcessStack;
/** POSTs a named operation, as portals send them (with its operationName). */
async function gql(token: string, query: string, variables: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const operationName = /^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1];
  const res = await fetch(stack.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables, operationName }),
  });
  return { status: res.status, body: await res.json() };
}
let writer: string;
let reader: string;
let keys = 0;
const linkInput = (name: ScenarioName, over: Record<string, unknown> = {}) => ({
  idempotencyKey: `gw-${name}-${++keys}`,
  beneficiaryCitizenId: scenario(name).citizenId,
  method: 'BANK_ACCOUNT',
  providerCode: scenario(name).bankAccount.providerCode,
  accountNumber: scenario(name).bankAccount.accountNumber,
  consentReference: `DK/${name}`,
  ...over,
});

beforeAll(async () => {
  stack = await startInProcessStack({ dataset, clock: () => START });
  writer = await stack.token({ scope: 'beneficiary:read accounts:read accounts:write', areas: ['38'], sub: 'officer-38' });
  reader = await stack.token({ scope: 'beneficiary:read accounts:read', areas: ['38'], sub: 'auditor' });
});
afterAll(async () => stack?.stop());

describe('account links through the gateway', () => {
  test('SELF_BANK_ACTIVE: the imported account on file is the ACTIVE link, number masked without accounts:read:full', async () => {
    const s = scenario('SELF_BANK_ACTIVE');
    const { status, body } = await gql(reader, ACCOUNT, { id: s.citizenId });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const link = body.data.beneficiary.paymentAccount;
    expect(link).toMatchObject({
      beneficiaryCitizenId: s.citizenId,
      method: 'BANK_ACCOUNT',
      recipientRole: 'SELF',
      recipientCitizenId: s.citizenId,
      provider: { code: s.bankAccount.providerCode, kind: 'BANK' },
      accountNumberMasked: '*'.repeat(s.bankAccount.accountNumber.length - 4) + s.bankAccount.accountNumber.slice(-4),
      status: 'ACTIVE',
      checks: [],
      createdBy: 'registry-import',
      unlinkedAt: null,
    });
    expect(body.data.beneficiary.paymentAccountHistory).toEqual([{ id: link.id, status: 'ACTIVE' }]);

    const masked = await gql(reader, `query Masked($id: CitizenId!) { beneficiary(citizenId: $id) { paymentAccount { accountNumber accountNumberMasked } } }`, { id: s.citizenId });
    expect(masked.body.data.beneficiary.paymentAccount.accountNumber).toBeNull();
    expect(masked.body.errors.map((e: any) => [e.extensions.code, e.path])).toEqual([['FORBIDDEN', ['beneficiary', 'paymentAccount', 'accountNumber']]]);
    const full = await stack.token({ scope: 'beneficiary:read accounts:read accounts:read:full', areas: ['38'] });
    const shown = await gql(full, `query Full($id: CitizenId!) { beneficiary(citizenId: $id) { paymentAccount { accountNumber } } }`, { id: s.citizenId });
    expect(shown.body).toEqual({ data: { beneficiary: { paymentAccount: { accountNumber: s.bankAccount.accountNumber } } } });
  });

  test('paymentAccount needs accounts:read: null with FORBIDDEN at its path, the rest stands', async () => {
    const token = await stack.token({ scope: 'beneficiary:read', areas: ['38'] });
    const { body } = await gql(token, `query Scoped($id: CitizenId!) { beneficiary(citizenId: $id) { citizenId paymentAccount { id } } }`, { id: scenario('SELF_BANK_ACTIVE').citizenId });
    expect(body.data).toEqual({ beneficiary: { citizenId: scenario('SELF_BANK_ACTIVE').citizenId, paymentAccount: null } });
    expect(body.errors.map((e: any) => [e.extensions.code, e.path])).toEqual([['FORBIDDEN', ['beneficiary', 'paymentAccount']]]);
  });

  test('READY_TO_LINK: no link, then linking its account succeeds at once and replays', async () => {
    const s = scenario('READY_TO_LINK');
    const before = await gql(reader, ACCOUNT, { id: s.citizenId });
    expect(before.body.data.beneficiary).toEqual({ paymentAccount: null, paymentAccountHistory: [] });

    const input = linkInput('READY_TO_LINK');
    const { status, body } = await gql(writer, LINK, { input });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const answer = body.data.linkPaymentAccount;
    expect(answer.userErrors).toEqual([]);
    expect(answer.replayed).toBe(false);
    expect(answer.link).toMatchObject({
      method: 'BANK_ACCOUNT',
      recipientRole: 'SELF',
      recipientCitizenId: s.citizenId,
      accountHolderName: s.bankAccount.holderName,
      status: 'ACTIVE',
      effectiveFrom: '2026-11-15T10:00:00+07:00',
      createdAt: '2026-11-15T10:00:00+07:00',
      consentReference: 'DK/READY_TO_LINK',
      createdBy: 'officer-38',
    });
    expect(answer.link.checks).toEqual(
      ['AREA_JURISDICTION', 'IDENTITY_MATCH', 'VITAL_STATUS', 'REPRESENTATIVE_MANDATE', 'ACCOUNT_EXISTS', 'ACCOUNT_HOLDER_NAME'].map((name) => ({ name, passed: true })),
    );

    const again = await gql(writer, LINK, { input });
    expect(again.body.data.linkPaymentAccount).toEqual({ ...answer, replayed: true });
    const after = await gql(reader, ACCOUNT, { id: s.citizenId });
    expect(after.body.data.beneficiary.paymentAccount.id).toBe(answer.link.id);
  });

  test('HOLDER_MISMATCH answers ACCOUNT_HOLDER_MISMATCH at the account number, and links nothing', async () => {
    const { body } = await gql(writer, LINK, { input: linkInput('HOLDER_MISMATCH') });
    expect(body.data.linkPaymentAccount).toEqual({ link: null, userErrors: [{ code: 'ACCOUNT_HOLDER_MISMATCH', field: ['input', 'accountNumber'] }], replayed: false });
    const after = await gql(reader, ACCOUNT, { id: scenario('HOLDER_MISMATCH').citizenId });
    expect(after.body.data.beneficiary).toEqual({ paymentAccount: null, paymentAccountHistory: [] });
  });

  test('DECEASED_STILL_ACTIVE answers BENEFICIARY_DECEASED', async () => {
    const { body } = await gql(writer, LINK, { input: linkInput('DECEASED_STILL_ACTIVE') });
    expect(body.data.linkPaymentAccount).toEqual({ link: null, userErrors: [{ code: 'BENEFICIARY_DECEASED', field: ['input', 'beneficiaryCitizenId'] }], replayed: false });
  });

  test('GUARDIAN_CHILD is paid through the guardian (recipientRole GUARDIAN), and a change for the guardian cools off', async () => {
    const s = scenario('GUARDIAN_CHILD');
    const { body } = await gql(reader, ACCOUNT, { id: s.citizenId });
    expect(body.data.beneficiary.paymentAccount).toMatchObject({ recipientRole: 'GUARDIAN', recipientCitizenId: s.representativeCitizenId, status: 'ACTIVE' });
    const linked = await gql(writer, LINK, { input: linkInput('GUARDIAN_CHILD', { recipientRole: 'GUARDIAN', recipientCitizenId: s.representativeCitizenId }) });
    expect(linked.body.data.linkPaymentAccount.link).toMatchObject({
      recipientRole: 'GUARDIAN',
      recipientCitizenId: s.representativeCitizenId,
      status: 'COOLING_OFF',
      effectiveFrom: '2026-11-18T10:00:00+07:00',
    });
  });

  test('a VietQR payload supplies provider and account; a wrong CRC is INVALID_INPUT at input.vietQr', async () => {
    const s = scenario('UNCOLLECTED_3_MONTHS');
    const qr = vietQr(s.bankAccount.providerCode, s.bankAccount.accountNumber);
    const bad = qr.slice(0, -4) + (qr.endsWith('0000') ? '0001' : '0000');
    const refused = await gql(writer, LINK, { input: linkInput('UNCOLLECTED_3_MONTHS', { providerCode: null, accountNumber: null, vietQr: bad }) });
    expect(refused.body.data.linkPaymentAccount.userErrors).toEqual([{ code: 'INVALID_INPUT', field: ['input', 'vietQr'] }]);
    const linked = await gql(writer, LINK, { input: linkInput('UNCOLLECTED_3_MONTHS', { providerCode: null, accountNumber: null, vietQr: qr }) });
    expect(linked.body.data.linkPaymentAccount.link).toMatchObject({ status: 'ACTIVE', provider: { code: s.bankAccount.providerCode } });
  });

  test('unlink with a reason; history keeps every link, newest first', async () => {
    const s = scenario('READY_TO_LINK');
    const current = (await gql(reader, ACCOUNT, { id: s.citizenId })).body.data.beneficiary.paymentAccount;
    const { body } = await gql(writer, UNLINK, { input: { idempotencyKey: `gw-unlink-${++keys}`, linkId: current.id, reason: 'Beneficiary closed the account' } });
    expect(body.data.unlinkPaymentAccount).toEqual({
      link: { id: current.id, status: 'UNLINKED', unlinkedAt: '2026-11-15T10:00:00+07:00', unlinkReason: 'Beneficiary closed the account' },
      userErrors: [],
      replayed: false,
    });
    const after = await gql(reader, ACCOUNT, { id: s.citizenId });
    expect(after.body.data.beneficiary).toEqual({ paymentAccount: null, paymentAccountHistory: [{ id: current.id, status: 'UNLINKED' }] });
    const unknown = await gql(writer, UNLINK, { input: { idempotencyKey: `gw-unlink-${++keys}`, linkId: 'no-such-link', reason: 'x' } });
    expect(unknown.body.data.unlinkPaymentAccount.userErrors).toEqual([{ code: 'LINK_NOT_FOUND', field: ['input', 'linkId'] }]);
  });

  test('the mutations need accounts:write: null with FORBIDDEN, nothing linked', async () => {
    const { status, body } = await gql(reader, LINK, { input: linkInput('HOME_DELIVERY') });
    expect(status).toBe(200);
    expect(body.data).toEqual({ linkPaymentAccount: null });
    expect(body.errors.map((e: any) => [e.extensions.code, e.path])).toEqual([['FORBIDDEN', ['linkPaymentAccount']]]);
    const after = await gql(reader, ACCOUNT, { id: scenario('HOME_DELIVERY').citizenId });
    expect(after.body.data.beneficiary.paymentAccountHistory).toEqual([]);
  });

  test('a malformed CitizenId is a GraphQL error, not a userError', async () => {
    const { status, body } = await gql(writer, LINK, { input: linkInput('READY_TO_LINK', { beneficiaryCitizenId: '12345' }) });
    expect(status).toBe(400);
    expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['BAD_USER_INPUT']);
  });
});
