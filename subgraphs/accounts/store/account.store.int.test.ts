import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestTarget, type TestDatabaseTarget } from '../../../storage/testing/test-database.js';
import type { IdempotencyScope, LinkDraft, StoredLink } from '../link-records.js';
import { accountMigrations } from './migrations/index.js';
import { openAccountStore, type AccountStore } from './account.store.js';

const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const T0 = new Date('2026-11-15T03:00:00.000Z');
const HOUR = 3_600_000;
const COOLING = 72 * HOUR;

let citizenCounter = 0;
/** A fresh beneficiary per test, so tests in one store do not see each other's links. */
const nextCitizen = () => `038${String(++citizenCounter).padStart(9, '0')}`;

const draft = (beneficiaryCitizenId: string, accountNumber = '101234567890', roots: LinkDraft['roots'] = ['LABOR_REGISTRY']): LinkDraft => ({
  beneficiaryCitizenId,
  communeCode: '16216',
  provinceCode: '38',
  method: 'BANK_ACCOUNT',
  recipientRole: 'SELF',
  recipientCitizenId: beneficiaryCitizenId,
  provider: { code: '970415', name: 'VietinBank', kind: 'BANK' },
  accountNumber,
  accountHolderName: 'NGUYEN VAN AN',
  checks: [{ name: 'AREA_JURISDICTION', passed: true, detail: null }],
  consentReference: 'DK-01',
  createdBy: 'alice',
  clientId: 'portal',
  roots,
});
const scope = (key: string, subject = 'alice'): IdempotencyScope => ({ clientId: 'portal', subject, key });
const created = (r: { link: StoredLink } | { existing: unknown }): StoredLink => {
  if (!('link' in r)) throw new Error('expected a new link');
  return r.link;
};
const statuses = (links: readonly StoredLink[]) => links.map((l) => l.status);

test('opening fails loudly when PostgreSQL cannot be reached', async () => {
  await expect(openAccountStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/test', sqlitePath: ':memory:', schema: 'accounts' })).rejects.toMatchObject({
    code: 'ECONNREFUSED',
  });
});

describe.each(['sqlite', 'postgresql'] as const)('account store on %s', (dialect) => {
  let target: TestDatabaseTarget;
  let store: AccountStore;
  const open = () => openAccountStore({ databaseUrl: target.databaseUrl, sqlitePath: target.sqlitePath, schema: target.schema });

  beforeAll(async () => {
    target = await createTestTarget(dialect, POSTGRES_URL, 'accounts');
    store = await open();
  });
  afterAll(async () => {
    await store?.close();
    await target?.dispose();
  });

  test('opens on the dialect asked for, migrated', async () => {
    expect(store.dialect).toBe(dialect);
    expect(await store.ping()).toBe(true);
    expect(accountMigrations.map((m) => m.name)).toEqual(['Migration20261201000000_accounts_initial']);
  });

  test('a first link is ACTIVE at once with its population push queued; a replacement cools off', async () => {
    const id = nextCitizen();
    const first = created(await store.createLink(scope(`k-${id}-1`), 'h1', draft(id), T0, COOLING));
    expect(first).toMatchObject({ status: 'ACTIVE', effectiveFrom: T0, createdAt: T0, createdBy: 'alice', unlinkedAt: null });
    const second = created(await store.createLink(scope(`k-${id}-2`), 'h2', draft(id, '109999999999'), T0, COOLING));
    expect(second.status).toBe('COOLING_OFF');
    expect(second.effectiveFrom).toEqual(new Date(T0.getTime() + COOLING));
    // A third request replaces the change still waiting, not the link in force.
    const third = created(await store.createLink(scope(`k-${id}-3`), 'h3', draft(id, '108888888888'), T0, COOLING));
    const history = (await store.linksOf([id])).get(id)!;
    expect(history.map((l) => l.id)).toEqual([third.id, second.id, first.id]);
    expect(statuses(history)).toEqual(['COOLING_OFF', 'UNLINKED', 'ACTIVE']);
    expect(history[1]!.unlinkReason).toBe(`Superseded by link ${third.id}.`);
    const pushes = (await store.dueOutbox(T0, 1000)).filter((e) => e.payload.citizenId === id);
    expect(pushes.map((e) => [e.linkId, e.target, e.submissionId])).toEqual([[first.id, 'POPULATION', `asxh-${first.id}-population`]]);
  });

  test('the database itself refuses a second ACTIVE (and a second COOLING_OFF) link for one beneficiary', async () => {
    const id = nextCitizen();
    const first = created(await store.createLink(scope(`k-${id}`), 'h', draft(id), T0, COOLING));
    const orm = (store as unknown as { db: { orm: { em: { fork(): { insert(e: unknown, d: unknown): Promise<unknown> } } } } }).db.orm;
    const { LinkSchema } = await import('./account.entities.js');
    const row = (status: string, n: string) => ({
      id: `${first.id}-${n}`,
      beneficiaryCitizenId: id,
      communeCode: '16216',
      provinceCode: '38',
      method: 'BANK_ACCOUNT',
      recipientRole: 'SELF',
      recipientCitizenId: id,
      providerCode: '970415',
      providerName: 'VietinBank',
      providerKind: 'BANK',
      accountNumber: '100000000001',
      accountHolderName: null,
      status,
      checks: '[]',
      effectiveFrom: T0,
      consentReference: 'x',
      createdAt: T0,
      createdBy: 'raw',
      clientId: 'raw',
      unlinkedAt: null,
      unlinkReason: null,
      roots: '',
      nextCheckAt: null,
      activationRequestedAt: null,
      updatedAt: T0,
    });
    await expect(orm.em.fork().insert(LinkSchema, row('ACTIVE', 'a'))).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    await orm.em.fork().insert(LinkSchema, row('COOLING_OFF', 'b'));
    await expect(orm.em.fork().insert(LinkSchema, row('COOLING_OFF', 'c'))).rejects.toBeInstanceOf(UniqueConstraintViolationException);
    // Any number of ended links may sit beside them.
    await orm.em.fork().insert(LinkSchema, row('UNLINKED', 'd'));
    await orm.em.fork().insert(LinkSchema, row('REJECTED', 'e'));
  });

  test('a key holds its first answer: the same key returns it, per caller', async () => {
    const id = nextCitizen();
    const link = created(await store.createLink(scope('same-key-1'), 'h', draft(id), T0, COOLING));
    const again = await store.createLink(scope('same-key-1'), 'h', draft(id), T0, COOLING);
    expect(again).toEqual({ existing: { operation: 'link', requestHash: 'h', answer: { linkId: link.id, userErrors: [] } } });
    // Another caller's identical key is another key.
    expect('link' in (await store.createLink(scope('same-key-1', 'bob'), 'h', draft(id), T0, COOLING))).toBe(true);
    const refusal = [{ code: 'ACCOUNT_HOLDER_MISMATCH' as const, field: ['input', 'accountNumber'], message: 'm' }];
    expect(await store.recordRefusal(scope('refused-1'), 'link', 'r', refusal, T0)).toBeNull();
    expect(await store.recordRefusal(scope('refused-1'), 'link', 'other', [], T0)).toEqual({ operation: 'link', requestHash: 'r', answer: { linkId: null, userErrors: refusal } });
    expect(await store.findAnswer(scope('refused-1'))).toEqual({ operation: 'link', requestHash: 'r', answer: { linkId: null, userErrors: refusal } });
  });

  test('20 concurrent creations with one key make one link', async () => {
    const id = nextCitizen();
    const results = await Promise.all(Array.from({ length: 20 }, () => store.createLink(scope(`conc-${id}`), 'h', draft(id), T0, COOLING)));
    const fresh = results.filter((r) => 'link' in r);
    expect(fresh).toHaveLength(1);
    const linkId = created(fresh[0]!).id;
    for (const r of results) if ('existing' in r) expect(r.existing.answer.linkId).toBe(linkId);
    expect((await store.linksOf([id])).get(id)!.map((l) => l.id)).toEqual([linkId]);
  });

  test('20 concurrent creations with different keys leave exactly one ACTIVE and one waiting', async () => {
    const id = nextCitizen();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => store.createLink(scope(`many-${id}-${i}`), `h${i}`, draft(id, `1000000000${String(i).padStart(2, '0')}`), T0, COOLING)),
    );
    expect(results.every((r) => 'link' in r)).toBe(true);
    const history = (await store.linksOf([id])).get(id)!;
    expect(history).toHaveLength(20);
    expect(history.filter((l) => l.status === 'ACTIVE')).toHaveLength(1);
    expect(history.filter((l) => l.status === 'COOLING_OFF')).toHaveLength(1);
    expect(history.filter((l) => l.status === 'UNLINKED')).toHaveLength(18);
  });

  test('unlink ends a link, cancels its pending pushes, and answers LINK_NOT_FOUND for unknown or hidden ids', async () => {
    const id = nextCitizen();
    const link = created(await store.createLink(scope(`u-${id}`), 'h', draft(id), T0, COOLING));
    const missing = await store.unlink(scope(`u-${id}-x`), 'hx', 'no-such-link', 'moved', () => true, T0);
    expect(missing).toEqual({ link: null, errors: [{ code: 'LINK_NOT_FOUND', field: ['input', 'linkId'], message: 'No link with this id can be unlinked.' }] });
    const hidden = await store.unlink(scope(`u-${id}-y`), 'hy', link.id, 'moved', () => false, T0);
    expect('errors' in hidden && hidden.errors.map((e) => e.code)).toEqual(['LINK_NOT_FOUND']);
    const later = new Date(T0.getTime() + HOUR);
    const done = await store.unlink(scope(`u-${id}-z`), 'hz', link.id, 'closed by the beneficiary', () => true, later);
    expect('link' in done && done.link).toMatchObject({ id: link.id, status: 'UNLINKED', unlinkedAt: later, unlinkReason: 'closed by the beneficiary' });
    expect((await store.dueOutbox(later, 1000)).filter((e) => e.linkId === link.id)).toEqual([]);
    expect(await store.findAnswer(scope(`u-${id}-z`))).toEqual({ operation: 'unlink', requestHash: 'hz', answer: { linkId: link.id, userErrors: [] } });
    // An unlinked link cannot be unlinked again.
    const twice = await store.unlink(scope(`u-${id}-w`), 'hw', link.id, 'again', () => true, later);
    expect('errors' in twice && twice.errors.map((e) => e.code)).toEqual(['LINK_NOT_FOUND']);
  });

  test('an accepted population push queues the roots; a refused one rejects the link', async () => {
    const ok = nextCitizen();
    const refused = nextCitizen();
    const good = created(await store.createLink(scope(`p-${ok}`), 'h', draft(ok, '101111111111', ['LABOR_REGISTRY', 'SOCIAL_INSURANCE']), T0, COOLING));
    const bad = created(await store.createLink(scope(`p-${refused}`), 'h', draft(refused), T0, COOLING));
    const due = (await store.dueOutbox(T0, 1000)).filter((e) => e.linkId === good.id || e.linkId === bad.id);
    expect(due.map((e) => e.target)).toEqual(['POPULATION', 'POPULATION']);
    await store.completePush(due[0]!.seq, { accepted: true, reference: 'CSDLQG-1', reason: null }, T0);
    await store.completePush(due[1]!.seq, { accepted: false, reference: null, reason: 'CITIZEN_NOT_FOUND' }, T0);
    const next = (await store.dueOutbox(T0, 1000)).filter((e) => e.linkId === good.id || e.linkId === bad.id);
    expect(next.map((e) => [e.target, e.submissionId])).toEqual([
      ['LABOR_REGISTRY', `asxh-${good.id}-labor-registry`],
      ['SOCIAL_INSURANCE', `asxh-${good.id}-social-insurance`],
    ]);
    expect(next[0]!.payload).toEqual({
      citizenId: ok,
      method: 'BANK_ACCOUNT',
      providerCode: '970415',
      accountNumber: '101111111111',
      recipientRole: 'SELF',
      recipientCitizenId: ok,
    });
    const rejected = await store.linkById(bad.id);
    expect(rejected?.status).toBe('REJECTED');
    expect(rejected?.checks.find((c) => c.name === 'IDENTITY_MATCH')).toEqual({
      name: 'IDENTITY_MATCH',
      passed: false,
      detail: 'The population database refused the account update (CITIZEN_NOT_FOUND).',
    });
    // Completing twice changes nothing.
    await store.completePush(due[0]!.seq, { accepted: true, reference: 'CSDLQG-1', reason: null }, T0);
    expect((await store.dueOutbox(T0, 1000)).filter((e) => e.linkId === good.id)).toHaveLength(2);
  });

  test('a waiting link is due at effectiveFrom and swaps with the link in force once the population database accepts', async () => {
    const id = nextCitizen();
    const old = created(await store.createLink(scope(`s-${id}-1`), 'h', draft(id), T0, COOLING));
    const waiting = created(await store.createLink(scope(`s-${id}-2`), 'h', draft(id, '107777777777'), T0, COOLING));
    const mine = (links: StoredLink[]) => links.filter((l) => l.beneficiaryCitizenId === id);
    expect(mine(await store.dueActivations(new Date(T0.getTime() + COOLING - 1), 1000))).toEqual([]);
    const at = new Date(T0.getTime() + COOLING);
    expect(mine(await store.dueActivations(at, 1000)).map((l) => l.id)).toEqual([waiting.id]);
    await store.deferActivation(waiting.id, new Date(at.getTime() + 1000));
    expect(mine(await store.dueActivations(at, 1000))).toEqual([]);
    const later = new Date(at.getTime() + 1000);
    expect(await store.requestActivation(waiting.id, waiting.checks, later)).toBe(true);
    expect(await store.requestActivation(waiting.id, waiting.checks, later)).toBe(false);
    // Still waiting until the population database accepts: the old link stays in force.
    expect(statuses((await store.linksOf([id])).get(id)!)).toEqual(['COOLING_OFF', 'ACTIVE']);
    const push = (await store.dueOutbox(later, 1000)).find((e) => e.linkId === waiting.id)!;
    await store.completePush(push.seq, { accepted: true, reference: 'R', reason: null }, later);
    const history = (await store.linksOf([id])).get(id)!;
    expect(history.map((l) => [l.id, l.status])).toEqual([
      [waiting.id, 'ACTIVE'],
      [old.id, 'UNLINKED'],
    ]);
    expect(history[1]).toMatchObject({ unlinkedAt: later, unlinkReason: `Replaced by link ${waiting.id}.` });
    // The old link's own population push, never sent, would undo the swap: only the new link's root update is left.
    const left = (await store.dueOutbox(later, 1000)).filter((e) => e.payload.citizenId === id);
    expect(left.map((e) => [e.linkId, e.target])).toEqual([[waiting.id, 'LABOR_REGISTRY']]);
  });

  test('a failed re-check rejects the waiting link and keeps the one in force', async () => {
    const id = nextCitizen();
    created(await store.createLink(scope(`r-${id}-1`), 'h', draft(id), T0, COOLING));
    const waiting = created(await store.createLink(scope(`r-${id}-2`), 'h', draft(id, '106666666666'), T0, COOLING));
    const checks = [{ name: 'ACCOUNT_EXISTS' as const, passed: false, detail: 'Closed at effectiveFrom.' }];
    expect(await store.rejectWaiting(waiting.id, checks, new Date(T0.getTime() + COOLING))).toBe(true);
    const history = (await store.linksOf([id])).get(id)!;
    expect(statuses(history)).toEqual(['REJECTED', 'ACTIVE']);
    expect(history[0]!.checks).toEqual(checks);
  });

  test('the import adds ACTIVE links for people without any, once', async () => {
    const fresh = nextCitizen();
    const linked = nextCitizen();
    created(await store.createLink(scope(`i-${linked}`), 'h', draft(linked), T0, COOLING));
    const imported = (id: string): LinkDraft => ({ ...draft(id), createdBy: 'registry-import', clientId: 'registry-import', checks: [], accountHolderName: null });
    expect(await store.importLinks([imported(fresh), imported(linked), imported(fresh)], T0)).toBe(1);
    expect(await store.importLinks([imported(fresh)], T0)).toBe(0);
    const links = await store.linksOf([fresh, linked]);
    expect(links.get(fresh)!.map((l) => [l.status, l.createdBy])).toEqual([['ACTIVE', 'registry-import']]);
    expect(links.get(linked)!.map((l) => l.createdBy)).toEqual(['alice']);
    expect(await store.isImported()).toBe(false);
    await store.markImported(T0, 1);
    await store.markImported(T0, 1);
    expect(await store.isImported()).toBe(true);
  });

  test('pending pushes survive closing and reopening the store', async () => {
    const id = nextCitizen();
    const link = created(await store.createLink(scope(`restart-${id}`), 'h', draft(id), T0, COOLING));
    const entry = (await store.dueOutbox(T0, 1000)).find((e) => e.linkId === link.id)!;
    await store.retryPush(entry.seq, 'POPULATION UNAVAILABLE', new Date(T0.getTime() + 5000));
    await store.close();
    store = await open();
    expect((await store.dueOutbox(T0, 1000)).find((e) => e.linkId === link.id)).toBeUndefined();
    const again = (await store.dueOutbox(new Date(T0.getTime() + 5000), 1000)).find((e) => e.linkId === link.id);
    expect(again).toEqual({ ...entry, attempts: 1 });
  });
});
