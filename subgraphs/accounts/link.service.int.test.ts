import { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ScenarioName } from '../../mocks/fixtures/dataset.js';
import { USER_ERROR_CODES, type UserErrorCode } from '../../schema/index.js';
import type { LinkInputValues } from './link-input.js';
import type { LinkAnswer } from './link.service.js';
import { COOLING_OFF_MS, START, startAccountsFixture, type AccountsFixture } from './testing/accounts-fixture.js';

const POPULATION_SUBMIT = 'POST /api/v1/account-updates';
const REGISTRY_UPDATE = 'PUT /registry/v2/beneficiaries/{citizenId}/payment-method';
const BHXH_UPDATE = 'POST /api/bhxh/v1/phuong-thuc-nhan';
const CHECK_ORDER = ['AREA_JURISDICTION', 'IDENTITY_MATCH', 'VITAL_STATUS', 'REPRESENTATIVE_MANDATE', 'ACCOUNT_EXISTS', 'ACCOUNT_HOLDER_NAME'];

let keySeq = 0;
const key = (label: string) => `${label}-${String(++keySeq).padStart(4, '0')}`;
const codes = (a: LinkAnswer) => a.userErrors.map((e) => [e.code, e.field]);

describe.each(['sqlite', 'postgresql'] as const)('linking on %s', (dialect) => {
  let f: AccountsFixture;
  const own = (name: ScenarioName, over: Partial<LinkInputValues> = {}): LinkInputValues => {
    const s = f.scenario(name);
    return {
      idempotencyKey: key(name),
      beneficiaryCitizenId: s.citizenId,
      method: 'BANK_ACCOUNT',
      recipientRole: 'SELF',
      providerCode: s.bankAccount.providerCode,
      accountNumber: s.bankAccount.accountNumber,
      consentReference: `DK-${name}`,
      ...over,
    };
  };
  const link = (input: LinkInputValues, principal = f.principal()) => f.service.link(principal, input, 'test');
  const history = async (name: ScenarioName) => (await f.store.linksOf([f.scenario(name).citizenId])).get(f.scenario(name).citizenId)!;

  beforeAll(async () => {
    f = await startAccountsFixture({ dialect, label: 'accounts_svc' });
    expect(await f.importer.ensure()).toBe(true);
  });
  afterAll(async () => f?.close());

  test('the initial import makes the accounts on file ACTIVE links, once, from both roots', async () => {
    const self = await history('SELF_BANK_ACTIVE');
    expect(self.map((l) => [l.status, l.createdBy, l.method, l.accountNumber])).toEqual([
      ['ACTIVE', 'registry-import', 'BANK_ACCOUNT', f.scenario('SELF_BANK_ACTIVE').bankAccount.accountNumber],
    ]);
    expect((await history('PENSION_ONLY')).map((l) => [l.status, l.roots])).toEqual([['ACTIVE', ['SOCIAL_INSURANCE']]]);
    expect((await history('GUARDIAN_CHILD')).map((l) => [l.recipientRole, l.recipientCitizenId])).toEqual([
      ['GUARDIAN', f.scenario('GUARDIAN_CHILD').representativeCitizenId],
    ]);
    // Cash is not an account, and READY_TO_LINK has nothing on file.
    expect(await history('POST_CASH')).toEqual([]);
    expect(await history('READY_TO_LINK')).toEqual([]);
    const onFile = f.dataset.accountsOnFile.filter((a) => a.accountNumber !== null).length;
    const all = await f.store.linksOf(f.dataset.accountsOnFile.map((a) => a.beneficiaryCitizenId));
    expect([...all.values()].flat().filter((l) => l.createdBy === 'registry-import')).toHaveLength(onFile);
    expect(await f.importer.ensure()).toBe(true);
    expect(await f.store.importLinks([], START)).toBe(0);
  });

  test('READY_TO_LINK links at once, with every check passed in order, createdBy the token subject', async () => {
    const answer = await link(own('READY_TO_LINK'), f.principal({ sub: 'officer-7' }));
    expect(answer.userErrors).toEqual([]);
    expect(answer.replayed).toBe(false);
    expect(answer.link).toMatchObject({
      status: 'ACTIVE',
      method: 'BANK_ACCOUNT',
      recipientRole: 'SELF',
      recipientCitizenId: f.scenario('READY_TO_LINK').citizenId,
      provider: { code: '970415', kind: 'BANK' },
      accountHolderName: f.scenario('READY_TO_LINK').bankAccount.holderName,
      effectiveFrom: START,
      createdBy: 'officer-7',
      communeCode: f.scenario('READY_TO_LINK').areaCode,
      roots: ['LABOR_REGISTRY'],
    });
    expect(answer.link!.checks.map((c) => [c.name, c.passed])).toEqual(CHECK_ORDER.map((n) => [n, true]));
  });

  describe('a refusal for every UserErrorCode, at its input path', () => {
    const seen = new Set<UserErrorCode>();
    afterAll(() => {
      expect([...seen].sort()).toEqual([...USER_ERROR_CODES].sort());
    });
    const expectRefusal = (answer: LinkAnswer, code: UserErrorCode, field: string[]) => {
      expect(codes(answer)).toEqual([[code, field]]);
      expect(answer.link).toBeNull();
      seen.add(code);
    };

    test('INVALID_INPUT: key, recipient, account, VietQR CRC', async () => {
      expectRefusal(await link(own('READY_TO_LINK', { idempotencyKey: 'short' })), 'INVALID_INPUT', ['input', 'idempotencyKey']);
      expectRefusal(await link(own('GUARDIAN_CHILD', { recipientRole: 'GUARDIAN' })), 'INVALID_INPUT', ['input', 'recipientCitizenId']);
      expectRefusal(await link(own('READY_TO_LINK', { accountNumber: null })), 'INVALID_INPUT', ['input', 'accountNumber']);
      const qr = '00020101021138540010A00000072701240006970423011000999999990208QRIBFTTA53037045802VN6304CBB5';
      expectRefusal(await link(own('READY_TO_LINK', { providerCode: null, accountNumber: null, vietQr: qr })), 'INVALID_INPUT', ['input', 'vietQr']);
    });

    test('BENEFICIARY_NOT_FOUND: a person neither root pays', async () => {
      const guardian = f.scenario('GUARDIAN_CHILD').representativeCitizenId!;
      expectRefusal(await link(own('READY_TO_LINK', { beneficiaryCitizenId: guardian })), 'BENEFICIARY_NOT_FOUND', ['input', 'beneficiaryCitizenId']);
    });

    test('OUT_OF_AREA: a beneficiary outside the caller areas', async () => {
      expectRefusal(await link(own('OTHER_PROVINCE')), 'OUT_OF_AREA', ['input', 'beneficiaryCitizenId']);
      expectRefusal(await link(own('READY_TO_LINK'), f.principal({ areas: [] })), 'OUT_OF_AREA', ['input', 'beneficiaryCitizenId']);
    });

    test('CITIZEN_NOT_FOUND: NOT_IN_POPULATION_DB', async () => {
      expectRefusal(await link(own('NOT_IN_POPULATION_DB')), 'CITIZEN_NOT_FOUND', ['input', 'beneficiaryCitizenId']);
    });

    test('BENEFICIARY_DECEASED: DECEASED_STILL_ACTIVE', async () => {
      expectRefusal(await link(own('DECEASED_STILL_ACTIVE')), 'BENEFICIARY_DECEASED', ['input', 'beneficiaryCitizenId']);
    });

    test('REPRESENTATIVE_NOT_AUTHORIZED: a proxy whose mandate ended', async () => {
      const s = f.scenario('PROXY_EXPIRED');
      const input = own('PROXY_EXPIRED', { recipientRole: 'AUTHORIZED_PROXY', recipientCitizenId: s.representativeCitizenId, method: 'POST_OFFICE_CASH', providerCode: null, accountNumber: null });
      expectRefusal(await link(input), 'REPRESENTATIVE_NOT_AUTHORIZED', ['input', 'recipientCitizenId']);
    });

    test('PROVIDER_NOT_SUPPORTED: an unknown BIN, a bank code for an e-wallet, a bank for cash', async () => {
      expectRefusal(await link(own('READY_TO_LINK', { providerCode: '970499' })), 'PROVIDER_NOT_SUPPORTED', ['input', 'providerCode']);
      expectRefusal(await link(own('READY_TO_LINK', { method: 'E_WALLET' })), 'PROVIDER_NOT_SUPPORTED', ['input', 'providerCode']);
      expectRefusal(await link(own('READY_TO_LINK', { method: 'POST_OFFICE_CASH', accountNumber: null })), 'PROVIDER_NOT_SUPPORTED', ['input', 'providerCode']);
    });

    test('ACCOUNT_NOT_FOUND, ACCOUNT_CLOSED, ACCOUNT_HOLDER_MISMATCH', async () => {
      expectRefusal(await link(own('HOME_DELIVERY', { accountNumber: '3500000000001' })), 'ACCOUNT_NOT_FOUND', ['input', 'accountNumber']);
      expectRefusal(await link(own('ACCOUNT_CLOSED')), 'ACCOUNT_CLOSED', ['input', 'accountNumber']);
      expectRefusal(await link(own('HOLDER_MISMATCH')), 'ACCOUNT_HOLDER_MISMATCH', ['input', 'accountNumber']);
    });

    test('PROVIDER_UNAVAILABLE while the bank is down; not kept, so the same key then links', async () => {
      const input = own('UNCOLLECTED_3_MONTHS');
      f.mocks.mocks.BANK.setFault({ mode: 'down' });
      try {
        expectRefusal(await link(input), 'PROVIDER_UNAVAILABLE', ['input', 'providerCode']);
      } finally {
        f.mocks.mocks.BANK.setFault(null);
      }
      const retried = await link(input);
      expect([retried.userErrors, retried.replayed, retried.link?.status]).toEqual([[], false, 'ACTIVE']);
    });

    test('IDEMPOTENCY_KEY_REUSED: the same key with another input', async () => {
      const input = own('HOLDER_MISMATCH');
      await link(input);
      expectRefusal(await link({ ...input, consentReference: 'DK-other' }), 'IDEMPOTENCY_KEY_REUSED', ['input', 'idempotencyKey']);
      expectRefusal(await link({ ...input, beneficiaryCitizenId: f.scenario('READY_TO_LINK').citizenId }), 'IDEMPOTENCY_KEY_REUSED', ['input', 'idempotencyKey']);
    });

    test('LINK_NOT_FOUND: unlinking an unknown id, or one outside the caller areas', async () => {
      const answer = await f.service.unlink(f.principal(), { idempotencyKey: key('unlink'), linkId: '00000000-0000-4000-8000-000000000000', reason: 'test' });
      expectRefusal(answer, 'LINK_NOT_FOUND', ['input', 'linkId']);
      const other = (await history('OTHER_PROVINCE'))[0]!;
      expectRefusal(await f.service.unlink(f.principal(), { idempotencyKey: key('unlink'), linkId: other.id, reason: 'test' }), 'LINK_NOT_FOUND', ['input', 'linkId']);
    });
  });

  test('a refusal writes nothing but its idempotency record', async () => {
    const before = await f.store.outboxCounts();
    const input = own('HOLDER_MISMATCH');
    await link(input);
    expect(await history('HOLDER_MISMATCH')).toEqual([]);
    expect(await f.store.outboxCounts()).toEqual(before);
    expect(await f.store.findAnswer({ clientId: 'commune-portal', subject: 'officer-1', key: input.idempotencyKey })).toMatchObject({
      operation: 'link',
      answer: { linkId: null, userErrors: [{ code: 'ACCOUNT_HOLDER_MISMATCH', field: ['input', 'accountNumber'] }] },
    });
  });

  test('SOURCE_UNAVAILABLE (a GraphQL error, not a userError) when a root is down, and nothing is kept', async () => {
    const input = own('HOME_DELIVERY');
    f.mocks.mocks.LABOR_REGISTRY.setFault({ mode: 'down' });
    try {
      await expect(link(input)).rejects.toSatisfy((e) => e instanceof GraphQLError && e.extensions.code === 'SOURCE_UNAVAILABLE' && e.extensions.source === 'LABOR_REGISTRY');
    } finally {
      f.mocks.mocks.LABOR_REGISTRY.setFault(null);
    }
    expect(await f.store.findAnswer({ clientId: 'commune-portal', subject: 'officer-1', key: input.idempotencyKey })).toBeNull();
  });

  describe('replays', () => {
    test('the same key and input return the first link, replayed', async () => {
      const input = own('HOME_DELIVERY');
      const first = await link(input);
      const again = await link(input);
      expect(first.replayed).toBe(false);
      expect(again).toEqual({ ...first, replayed: true });
      expect((await history('HOME_DELIVERY')).map((l) => l.id)).toEqual([first.link!.id]);
    });

    test('a refusal replays as it was first answered', async () => {
      const input = own('ACCOUNT_CLOSED');
      const first = await link(input);
      const again = await link(input);
      expect(again).toEqual({ link: null, userErrors: first.userErrors, replayed: true });
    });

    test('the replayed link shows its current state', async () => {
      const input = own('NAME_MISMATCH');
      const first = await link(input);
      expect(first.link?.status).toBe('COOLING_OFF');
      await f.service.unlink(f.principal(), { idempotencyKey: key('cancel'), linkId: first.link!.id, reason: 'changed mind' });
      const again = await link(input);
      expect([again.link?.id, again.link?.status, again.replayed]).toEqual([first.link!.id, 'UNLINKED', true]);
    });

    test('keys are scoped to the caller: another subject or client with the same key gets its own answer', async () => {
      const input = own('ACCOUNT_CLOSED');
      const a = await link(input, f.principal({ sub: 'a' }));
      const b = await link(input, f.principal({ sub: 'b' }));
      const c = await link(input, f.principal({ sub: 'a', clientId: 'other-client' }));
      expect([a.replayed, b.replayed, c.replayed]).toEqual([false, false, false]);
    });

    test('unlink replays too, and its key cannot be reused for a link', async () => {
      const target = (await history('SELF_BANK_ACTIVE')).find((l) => l.status === 'ACTIVE')!;
      const input = { idempotencyKey: key('unlink'), linkId: target.id, reason: 'account moved to another bank' };
      const first = await f.service.unlink(f.principal({ sub: 'officer-9' }), input);
      expect(first).toMatchObject({ userErrors: [], replayed: false, link: { id: target.id, status: 'UNLINKED', unlinkReason: 'account moved to another bank' } });
      expect(await f.service.unlink(f.principal({ sub: 'officer-9' }), input)).toEqual({ ...first, replayed: true });
      const reuse = await link(own('SELF_BANK_ACTIVE', { idempotencyKey: input.idempotencyKey }), f.principal({ sub: 'officer-9' }));
      expect(codes(reuse)).toEqual([['IDEMPOTENCY_KEY_REUSED', ['input', 'idempotencyKey']]]);
    });
  });

  test('20 parallel calls with one key make one link; the others replay it', async () => {
    const input = own('FAILED_PAYMENT', { idempotencyKey: key('parallel-one-key') });
    // FAILED_PAYMENT has its account on file already: unlink it so the link is a first link again.
    const imported = (await history('FAILED_PAYMENT'))[0]!;
    await f.service.unlink(f.principal(), { idempotencyKey: key('unlink'), linkId: imported.id, reason: 'relink' });
    const answers = await Promise.all(Array.from({ length: 20 }, () => link(input)));
    const ids = new Set(answers.map((a) => a.link?.id));
    expect(ids.size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(answers.every((a) => a.userErrors.length === 0)).toBe(true);
    const links = (await history('FAILED_PAYMENT')).filter((l) => l.id !== imported.id);
    expect(links.map((l) => [l.id, l.status])).toEqual([[[...ids][0], 'ACTIVE']]);
  });

  test('20 parallel calls with different keys for one beneficiary leave exactly one ACTIVE', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => link(own('PENSION_ONLY', { consentReference: `DK-${i}` }))));
    expect(answers.every((a) => a.userErrors.length === 0 && !a.replayed)).toBe(true);
    const links = await history('PENSION_ONLY');
    expect(links).toHaveLength(21);
    expect(links.filter((l) => l.status === 'ACTIVE')).toHaveLength(1);
    // The imported link stays in force; the newest request is the one change waiting.
    expect(links.filter((l) => l.status === 'ACTIVE')[0]!.createdBy).toBe('registry-import');
    expect(links[0]!.status).toBe('COOLING_OFF');
    expect(links.filter((l) => l.status === 'COOLING_OFF')).toHaveLength(1);
  });

  test('GUARDIAN_CHILD links to the guardian; the change waits out the cooling-off', async () => {
    const s = f.scenario('GUARDIAN_CHILD');
    const answer = await link(own('GUARDIAN_CHILD', { recipientRole: 'GUARDIAN', recipientCitizenId: s.representativeCitizenId }));
    expect(answer.userErrors).toEqual([]);
    expect(answer.link).toMatchObject({ recipientRole: 'GUARDIAN', recipientCitizenId: s.representativeCitizenId, status: 'COOLING_OFF' });
    expect(answer.link!.effectiveFrom).toEqual(new Date(START.getTime() + COOLING_OFF_MS));
    expect(answer.link!.checks.find((c) => c.name === 'REPRESENTATIVE_MANDATE')?.passed).toBe(true);
  });
});

describe('the outbox (SQLite)', () => {
  let f: AccountsFixture;
  beforeAll(async () => {
    f = await startAccountsFixture({ dialect: 'sqlite', label: 'accounts_outbox' });
    await f.importer.ensure();
  });
  afterAll(async () => f?.close());
  const input = (name: ScenarioName, over: Partial<LinkInputValues> = {}): LinkInputValues => {
    const s = f.scenario(name);
    return {
      idempotencyKey: key(name),
      beneficiaryCitizenId: s.citizenId,
      method: 'BANK_ACCOUNT',
      recipientRole: 'SELF',
      providerCode: s.bankAccount.providerCode,
      accountNumber: s.bankAccount.accountNumber,
      consentReference: `DK-${name}`,
      ...over,
    };
  };
  const advance = (ms: number) => {
    f.now = new Date(f.now.getTime() + ms);
  };

  test('population database down, a restart, then up: one push, none lost, then the registry update', async () => {
    const s = f.scenario('READY_TO_LINK');
    const answer = await f.service.link(f.principal(), input('READY_TO_LINK'), 'test');
    expect(answer.link?.status).toBe('ACTIVE');
    f.mocks.mocks.POPULATION.setFault({ mode: 'down' });
    for (let i = 0; i < 3; i++) {
      expect(await f.worker.runOnce()).toMatchObject({ pushed: 0, retried: 1 });
      advance(60_000);
    }
    // The process restarts while the agency is still down: the entry is in the database, not in memory.
    await f.restart();
    f.mocks.mocks.POPULATION.setFault(null);
    f.mocks.mocks.POPULATION.resetStats();
    f.mocks.mocks.LABOR_REGISTRY.resetStats();
    expect(await f.worker.runOnce()).toMatchObject({ pushed: 1, retried: 0 });
    expect(await f.worker.runOnce()).toMatchObject({ pushed: 1, retried: 0 });
    expect(await f.worker.runOnce()).toMatchObject({ pushed: 0, retried: 0 });
    expect(f.count('POPULATION', POPULATION_SUBMIT)).toBe(1);
    expect(f.count('LABOR_REGISTRY', REGISTRY_UPDATE)).toBe(1);
    const submitted = await fetch(`${f.mocks.urls.POPULATION}/api/v1/account-updates/asxh-${answer.link!.id}-population`);
    expect(await submitted.json()).toMatchObject({ state: 'ACCEPTED', submissionId: `asxh-${answer.link!.id}-population` });
    const registry = await fetch(`${f.mocks.urls.LABOR_REGISTRY}/registry/v2/beneficiaries/batch-lookup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ citizen_ids: [s.citizenId] }),
    });
    expect(((await registry.json()) as { data: { payment_on_file: unknown }[] }).data[0]!.payment_on_file).toEqual({
      method: 'BANK_ACCOUNT',
      provider_code: s.bankAccount.providerCode,
      account_number: s.bankAccount.accountNumber,
      recipient_role: 'SELF',
      recipient_citizen_id: s.citizenId,
    });
    expect(await f.store.outboxCounts()).toMatchObject({ 'POPULATION:DONE': 1, 'LABOR_REGISTRY:DONE': 1 });
  });

  test('a push whose answer was lost is sent again with the same submission id and recorded once', async () => {
    const answer = await f.service.link(f.principal(), input('UNCOLLECTED_3_MONTHS'), 'test');
    const entry = (await f.store.dueOutbox(f.now, 100)).find((e) => e.linkId === answer.link!.id)!;
    // The agency records the submission, but the process dies before writing that down.
    await fetch(`${f.mocks.urls.POPULATION}/api/v1/account-updates`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        submissionId: entry.submissionId,
        citizenId: entry.payload.citizenId,
        paymentMethod: entry.payload.method,
        providerCode: entry.payload.providerCode,
        accountNumber: entry.payload.accountNumber,
        recipientRole: entry.payload.recipientRole,
        recipientCitizenId: entry.payload.recipientCitizenId,
      }),
    });
    await f.restart();
    expect(await f.worker.runOnce()).toMatchObject({ pushed: 1 });
    const receipt = await (await fetch(`${f.mocks.urls.POPULATION}/api/v1/account-updates/${entry.submissionId}`)).json();
    expect(receipt).toMatchObject({ state: 'ACCEPTED' });
    expect((await f.store.linkById(answer.link!.id))?.status).toBe('ACTIVE');
  });

  test('a person at both roots gets the payment method updated at both; a pensioner only at BHXH', async () => {
    await f.worker.runOnce();
    for (const name of ['MERIT_AND_PENSION', 'PENSION_ONLY'] as const) {
      const imported = (await f.store.linksOf([f.scenario(name).citizenId])).get(f.scenario(name).citizenId)![0]!;
      await f.service.unlink(f.principal(), { idempotencyKey: key('unlink'), linkId: imported.id, reason: 'relink' });
      const answer = await f.service.link(f.principal(), input(name), 'test');
      expect(answer.link?.status).toBe('ACTIVE');
    }
    for (const m of ['POPULATION', 'LABOR_REGISTRY', 'SOCIAL_INSURANCE'] as const) f.mocks.mocks[m].resetStats();
    await f.worker.runOnce();
    await f.worker.runOnce();
    expect([f.count('POPULATION', POPULATION_SUBMIT), f.count('LABOR_REGISTRY', REGISTRY_UPDATE), f.count('SOCIAL_INSURANCE', BHXH_UPDATE)]).toEqual([2, 1, 2]);
  });

  test('cooling-off: the replacing link takes effect at effectiveFrom, after its re-check and the population database', async () => {
    const s = f.scenario('POST_CASH');
    const cash = await f.service.link(f.principal(), input('POST_CASH', { method: 'POST_OFFICE_CASH', providerCode: null, accountNumber: null }), 'test');
    expect(cash.link).toMatchObject({ status: 'ACTIVE', provider: { code: 'VNPOST', kind: 'POST' }, accountNumber: null });
    await f.worker.runOnce();
    await f.worker.runOnce();
    const bank = await f.service.link(f.principal(), input('POST_CASH'), 'test');
    const effectiveFrom = new Date(f.now.getTime() + COOLING_OFF_MS);
    expect(bank.link).toMatchObject({ status: 'COOLING_OFF', effectiveFrom });
    const statuses = async () => (await f.store.linksOf([s.citizenId])).get(s.citizenId)!.map((l) => [l.id, l.status]);

    advance(COOLING_OFF_MS - 1000);
    await f.worker.runOnce();
    expect(await statuses()).toEqual([
      [bank.link!.id, 'COOLING_OFF'],
      [cash.link!.id, 'ACTIVE'],
    ]);
    f.mocks.mocks.LABOR_REGISTRY.resetStats();
    advance(1000);
    expect(await f.worker.runOnce()).toMatchObject({ activationsRequested: 1, pushed: 1 });
    expect(await statuses()).toEqual([
      [bank.link!.id, 'ACTIVE'],
      [cash.link!.id, 'UNLINKED'],
    ]);
    await f.worker.runOnce();
    expect(f.count('LABOR_REGISTRY', REGISTRY_UPDATE)).toBe(1);
    const replaced = (await f.store.linkById(cash.link!.id))!;
    expect([replaced.unlinkedAt, replaced.unlinkReason]).toEqual([f.now, `Replaced by link ${bank.link!.id}.`]);
  });

  test('unlinking a COOLING_OFF link cancels the change', async () => {
    const s = f.scenario('SELF_BANK_ACTIVE');
    const waiting = await f.service.link(f.principal(), input('SELF_BANK_ACTIVE'), 'test');
    expect(waiting.link?.status).toBe('COOLING_OFF');
    const cancelled = await f.service.unlink(f.principal(), { idempotencyKey: key('cancel'), linkId: waiting.link!.id, reason: 'entered by mistake' });
    expect(cancelled.link).toMatchObject({ status: 'UNLINKED', unlinkReason: 'entered by mistake' });
    advance(COOLING_OFF_MS);
    expect(await f.worker.runOnce()).toMatchObject({ activationsRequested: 0 });
    expect((await f.store.linksOf([s.citizenId])).get(s.citizenId)!.map((l) => l.status)).toEqual(['UNLINKED', 'ACTIVE']);
  });
});

describe('the re-check at effectiveFrom (SQLite)', () => {
  let f: AccountsFixture;
  let closed = false;
  beforeAll(async () => {
    f = await startAccountsFixture({
      dialect: 'sqlite',
      label: 'accounts_recheck',
      // The bank closes the account between the link and its effectiveFrom.
      payer: (real) => ({
        ...real,
        getProviders: (ctx) => real.getProviders(ctx),
        getPaymentEvents: (ids, ctx) => real.getPaymentEvents(ids, ctx),
        inquireAccount: async (code, number, ctx) => {
          const found = await real.inquireAccount(code, number, ctx);
          return found && closed ? { ...found, status: 'CLOSED' } : found;
        },
      }),
    });
    await f.importer.ensure();
  });
  afterAll(async () => f?.close());

  test('an account closed meanwhile rejects the waiting link; the link in force stays', async () => {
    const s = f.scenario('SELF_BANK_ACTIVE');
    const waiting = await f.service.link(
      f.principal(),
      {
        idempotencyKey: key('recheck'),
        beneficiaryCitizenId: s.citizenId,
        method: 'BANK_ACCOUNT',
        recipientRole: 'SELF',
        providerCode: s.bankAccount.providerCode,
        accountNumber: s.bankAccount.accountNumber,
        consentReference: 'DK-1',
      },
      'test',
    );
    expect(waiting.link?.status).toBe('COOLING_OFF');
    closed = true;
    f.now = new Date(f.now.getTime() + COOLING_OFF_MS);
    expect(await f.worker.runOnce()).toMatchObject({ rejected: 1, activationsRequested: 0 });
    const links = (await f.store.linksOf([s.citizenId])).get(s.citizenId)!;
    expect(links.map((l) => l.status)).toEqual(['REJECTED', 'ACTIVE']);
    expect(links[0]!.checks.find((c) => c.name === 'ACCOUNT_EXISTS')).toEqual({ name: 'ACCOUNT_EXISTS', passed: false, detail: 'Closed at effectiveFrom.' });
  });
});

describe('the initial import with the registry down (SQLite)', () => {
  let f: AccountsFixture;
  beforeAll(async () => {
    f = await startAccountsFixture({ dialect: 'sqlite', label: 'accounts_import' });
  });
  afterAll(async () => f?.close());

  test('fails without a marker, waits, then completes once the registry answers', async () => {
    f.mocks.mocks.LABOR_REGISTRY.setFault({ mode: 'down' });
    expect(await f.importer.ensure()).toBe(false);
    expect(await f.store.isImported()).toBe(false);
    // Meanwhile no link is made: the account in force is unknown, so a change could skip its cooling-off.
    const s0 = f.scenario('SELF_BANK_ACTIVE');
    const early = await f.service
      .link(f.principal(), { idempotencyKey: 'before-import-01', beneficiaryCitizenId: s0.citizenId, method: 'BANK_ACCOUNT', recipientRole: 'SELF', recipientCitizenId: null, providerCode: s0.bankAccount.providerCode, accountNumber: s0.bankAccount.accountNumber, vietQr: null, consentReference: 'C-EARLY' }, 'test')
      .then(() => null, (e: { extensions?: { code?: string; source?: string } }) => [e.extensions?.code, e.extensions?.source]);
    expect(early).toEqual(['SOURCE_UNAVAILABLE', 'ACCOUNT_REGISTRY']);
    expect((await f.store.linksOf([s0.citizenId])).get(s0.citizenId)).toEqual([]);
    f.mocks.mocks.LABOR_REGISTRY.setFault(null);
    // Not before its retry delay.
    expect(await f.importer.ensure()).toBe(false);
    f.now = new Date(f.now.getTime() + 30_000);
    expect(await f.importer.ensure()).toBe(true);
    expect(await f.store.isImported()).toBe(true);
    const s = f.scenario('SELF_BANK_ACTIVE');
    expect((await f.store.linksOf([s.citizenId])).get(s.citizenId)!.map((l) => [l.status, l.createdBy])).toEqual([['ACTIVE', 'registry-import']]);
  });
});
