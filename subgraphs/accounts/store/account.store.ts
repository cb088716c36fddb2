import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { QBFilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/libsql';
import { advisoryLockKey, openDatabase, type Database, type SqlDialect } from '../../../storage/index.js';
import type {
  IdempotencyHit,
  IdempotencyScope,
  LinkCheckRecord,
  LinkDraft,
  LinkOperation,
  LinkStatusValue,
  OutboxEntry,
  ProviderKindValue,
  PushPayload,
  PushTarget,
  RootAgency,
  StoredLink,
  UserErrorRecord,
} from '../link-records.js';
import { accountEntities, IdempotencySchema, LinkSchema, OutboxSchema, StoreMetaSchema, type LinkRow, type OutboxRow } from './account.entities.js';
import { accountMigrations } from './migrations/index.js';
import { SerialQueue } from '../../../storage/serial-queue.js';

/** The account-link registry's store: links, idempotency records and the outbox, written together in transactions. */
export interface AccountStore {
  readonly dialect: SqlDialect;
  /** The first answer stored for this caller and key, or null. */
  findAnswer(scope: IdempotencyScope): Promise<IdempotencyHit | null>;
  /** Stores a refusal as the key's first answer; when another answer got there first, returns that one instead. */
  recordRefusal(scope: IdempotencyScope, operation: LinkOperation, requestHash: string, errors: readonly UserErrorRecord[], now: Date): Promise<IdempotencyHit | null>;
  /**
   * Creates a link and its idempotency record in one transaction: ACTIVE at once when the beneficiary has no link in
   * force (with its push to the population database queued), else COOLING_OFF until `now + coolingOffMs`, replacing
   * any change still waiting. When the key was answered meanwhile, returns that answer instead.
   */
  createLink(scope: IdempotencyScope, requestHash: string, draft: LinkDraft, now: Date, coolingOffMs: number): Promise<{ link: StoredLink } | { existing: IdempotencyHit }>;
  /** Unlinks a link in force or waiting (LINK_NOT_FOUND otherwise, or when `canSee` hides it), with its idempotency record. */
  unlink(
    scope: IdempotencyScope,
    requestHash: string,
    linkId: string,
    reason: string,
    canSee: (link: StoredLink) => boolean,
    now: Date,
  ): Promise<{ link: StoredLink | null; errors: readonly UserErrorRecord[] } | { existing: IdempotencyHit }>;
  linkById(id: string): Promise<StoredLink | null>;
  /** Every link of each beneficiary, newest first; beneficiaries without links map to []. */
  linksOf(citizenIds: readonly string[]): Promise<Map<string, StoredLink[]>>;
  /** How many of these beneficiaries have an ACTIVE bank or e-wallet link that `visible` lets through. */
  countActiveAccountLinks(citizenIds: readonly string[], visible: (link: StoredLink) => boolean): Promise<number>;

  /** True once the accounts on file were imported. */
  isImported(): Promise<boolean>;
  /** Inserts the drafts as ACTIVE links, skipping beneficiaries that already have any link; returns how many were added. */
  importLinks(drafts: readonly LinkDraft[], now: Date): Promise<number>;
  markImported(now: Date, count: number): Promise<void>;

  /** COOLING_OFF links whose effectiveFrom has come and whose re-check is due. */
  dueActivations(now: Date, limit: number): Promise<StoredLink[]>;
  /** The re-check could not run (a payer down): try again at `until`. */
  deferActivation(linkId: string, until: Date): Promise<void>;
  /** The re-check failed: the waiting link becomes REJECTED and the link in force stays. */
  rejectWaiting(linkId: string, checks: readonly LinkCheckRecord[], now: Date): Promise<boolean>;
  /** The re-check passed: queue the push to the population database, whose acceptance swaps the links. */
  requestActivation(linkId: string, checks: readonly LinkCheckRecord[], now: Date): Promise<boolean>;

  /** Pushes due now, oldest first. */
  dueOutbox(now: Date, limit: number): Promise<OutboxEntry[]>;
  /**
   * Records an agency's answer to a push. An accepted population push puts its link in force (swapping a waiting
   * link with the one it replaces) and queues the payment-method updates at the roots; a refused one rejects the link.
   */
  completePush(seq: number, outcome: PushOutcome, now: Date): Promise<void>;
  retryPush(seq: number, error: string, nextAttemptAt: Date): Promise<void>;
  /** The agency refused the push itself (a 4xx): kept as FAILED for operators, never retried. */
  failPush(seq: number, error: string, now: Date): Promise<void>;
  /** Outbox entries by status, for metrics and tests. */
  outboxCounts(): Promise<Record<string, number>>;

  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface PushOutcome {
  readonly accepted: boolean;
  readonly reference: string | null;
  readonly reason: string | null;
}

export interface AccountStoreOptions {
  /** postgres:// or postgresql:// selects PostgreSQL; unset selects the SQLite file. */
  databaseUrl?: string | undefined;
  /** SQLite file such as '.data/accounts.sqlite', or ':memory:'. */
  sqlitePath: string;
  /** PostgreSQL schema of the accounts tables; default 'accounts'. */
  schema?: string;
}

/** Opens (and migrates) the accounts database and returns the store over it. */
export async function openAccountStore(options: AccountStoreOptions): Promise<AccountStore> {
  const database = await openDatabase({
    databaseUrl: options.databaseUrl,
    sqlitePath: options.sqlitePath,
    schema: options.schema ?? 'accounts',
    entities: accountEntities,
    migrations: accountMigrations,
  });
  return new SqlAccountStore(database, options.sqlitePath);
}

/** Who created the links of the initial import (architecture.md). */
export const IMPORT_CREATOR = 'registry-import';
const IMPORT_KEY = 'initial_import';
const UNLINKABLE: ReadonlySet<string> = new Set(['ACTIVE', 'COOLING_OFF', 'PENDING_VERIFICATION']);
const MAX_ATTEMPTS = 4;

// Two stores in one process on one SQLite file share a queue: SQLite's busy wait is synchronous, so a second
// connection waiting for the write lock would block the very event loop the lock holder needs to commit.
const sqliteQueues = new Map<string, { queue: SerialQueue; users: number }>();

const submissionId = (linkId: string, target: PushTarget) => `asxh-${linkId}-${target.toLowerCase().replace(/_/g, '-')}`;

class SqlAccountStore implements AccountStore {
  readonly dialect: SqlDialect;
  private readonly queue: SerialQueue | null;
  private readonly releaseQueue: () => void;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    sqlitePath: string,
  ) {
    this.dialect = db.dialect;
    if (db.dialect === 'sqlite' && sqlitePath !== ':memory:') {
      const key = resolve(sqlitePath);
      const shared = sqliteQueues.get(key) ?? { queue: new SerialQueue(), users: 0 };
      shared.users += 1;
      sqliteQueues.set(key, shared);
      this.queue = shared.queue;
      this.releaseQueue = () => {
        shared.users -= 1;
        if (shared.users === 0) sqliteQueues.delete(key);
      };
    } else {
      // PostgreSQL: concurrent writers are ordered by per-beneficiary advisory locks and the unique indexes.
      this.queue = db.dialect === 'sqlite' ? new SerialQueue() : null;
      this.releaseQueue = () => undefined;
    }
  }

  // ---- idempotency and links ----

  async findAnswer(scope: IdempotencyScope): Promise<IdempotencyHit | null> {
    return this.readAnswer(this.em(), scope);
  }

  async recordRefusal(scope: IdempotencyScope, operation: LinkOperation, requestHash: string, errors: readonly UserErrorRecord[], now: Date) {
    try {
      return await this.write(async (tx) => {
        const hit = await this.readAnswer(tx, scope);
        if (hit) return hit;
        await this.insertAnswer(tx, scope, operation, requestHash, { linkId: null, userErrors: errors }, now);
        return null;
      });
    } catch (error) {
      return this.answerAfterRace(error, scope);
    }
  }

  async createLink(scope: IdempotencyScope, requestHash: string, draft: LinkDraft, now: Date, coolingOffMs: number) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.write(async (tx): Promise<{ link: StoredLink } | { existing: IdempotencyHit }> => {
          await this.lockBeneficiary(tx, draft.beneficiaryCitizenId);
          const hit = await this.readAnswer(tx, scope);
          if (hit) return { existing: hit };
          const current = await this.rows(tx, { beneficiaryCitizenId: draft.beneficiaryCitizenId, status: { $in: ['ACTIVE', 'COOLING_OFF'] } });
          const active = current.find((r) => r.status === 'ACTIVE');
          const waiting = current.find((r) => r.status === 'COOLING_OFF');
          const id = randomUUID();
          if (waiting) {
            // The newest request is the change the beneficiary wants; the one it replaces is cancelled.
            await tx.nativeUpdate(
              LinkSchema,
              { id: waiting.id, status: 'COOLING_OFF' },
              { status: 'UNLINKED', unlinkedAt: now, unlinkReason: `Superseded by link ${id}.`, updatedAt: now },
            );
            await this.supersedePushesOf(tx, waiting.id, now);
          }
          const status: LinkStatusValue = active ? 'COOLING_OFF' : 'ACTIVE';
          const effectiveFrom = active ? new Date(now.getTime() + coolingOffMs) : now;
          const row = toRow(draft, id, status, effectiveFrom, now);
          await tx.insert(LinkSchema, row);
          await this.insertAnswer(tx, scope, 'link', requestHash, { linkId: id, userErrors: [] }, now);
          if (status === 'ACTIVE') await this.enqueue(tx, row, ['POPULATION'], now);
          return { link: toStored(row) };
        });
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException) || attempt >= MAX_ATTEMPTS) throw error;
        // Either the key was answered by a concurrent call, or another link took the slot first: read again.
        const hit = await this.findAnswer(scope);
        if (hit) return { existing: hit };
      }
    }
  }

  async unlink(scope: IdempotencyScope, requestHash: string, linkId: string, reason: string, canSee: (link: StoredLink) => boolean, now: Date) {
    try {
      return await this.write(async (tx): Promise<{ link: StoredLink | null; errors: readonly UserErrorRecord[] } | { existing: IdempotencyHit }> => {
        const hit = await this.readAnswer(tx, scope);
        if (hit) return { existing: hit };
        let row = await this.row(tx, linkId);
        if (row) {
          await this.lockBeneficiary(tx, row.beneficiaryCitizenId);
          row = await this.row(tx, linkId);
        }
        if (!row || !UNLINKABLE.has(row.status) || !canSee(toStored(row))) {
          const errors: UserErrorRecord[] = [{ code: 'LINK_NOT_FOUND', field: ['input', 'linkId'], message: 'No link with this id can be unlinked.' }];
          await this.insertAnswer(tx, scope, 'unlink', requestHash, { linkId: null, userErrors: errors }, now);
          return { link: null, errors };
        }
        await tx.nativeUpdate(LinkSchema, { id: linkId }, { status: 'UNLINKED', unlinkedAt: now, unlinkReason: reason, updatedAt: now });
        // Pushes of an unlinked link that have not gone out yet must not go out later.
        await this.supersedePushesOf(tx, linkId, now);
        await this.insertAnswer(tx, scope, 'unlink', requestHash, { linkId, userErrors: [] }, now);
        return { link: toStored({ ...row, status: 'UNLINKED', unlinkedAt: now, unlinkReason: reason, updatedAt: now }), errors: [] };
      });
    } catch (error) {
      const hit = await this.answerAfterRace(error, scope);
      return { existing: hit! };
    }
  }

  async linkById(id: string): Promise<StoredLink | null> {
    const row = await this.row(this.em(), id);
    return row ? toStored(row) : null;
  }

  async linksOf(citizenIds: readonly string[]): Promise<Map<string, StoredLink[]>> {
    const out = new Map<string, StoredLink[]>(citizenIds.map((id) => [id, []]));
    if (citizenIds.length === 0) return out;
    const rows = await this.em()
      .createQueryBuilder(LinkSchema, 'l')
      .where({ beneficiaryCitizenId: { $in: [...new Set(citizenIds)] } })
      .orderBy({ seq: 'desc' })
      .execute<LinkRow[]>('all', true);
    for (const row of rows) out.get(row.beneficiaryCitizenId)?.push(toStored(row));
    return out;
  }

  /** How many of these beneficiaries have an ACTIVE bank or e-wallet link whose commune the caller may see. */
  async countActiveAccountLinks(citizenIds: readonly string[], visible: (link: StoredLink) => boolean): Promise<number> {
    const ids = [...new Set(citizenIds)];
    let count = 0;
    // Chunks keep each statement well under the drivers' bound-parameter limits.
    for (let i = 0; i < ids.length; i += 1000) {
      const rows = await this.em()
        .createQueryBuilder(LinkSchema, 'l')
        .where({ beneficiaryCitizenId: { $in: ids.slice(i, i + 1000) }, status: 'ACTIVE', method: { $in: ['BANK_ACCOUNT', 'E_WALLET'] } })
        .execute<LinkRow[]>('all', true);
      count += rows.map(toStored).filter(visible).length;
    }
    return count;
  }

  // ---- initial import ----

  async isImported(): Promise<boolean> {
    return (await this.meta(this.em(), IMPORT_KEY)) !== null;
  }

  async importLinks(drafts: readonly LinkDraft[], now: Date): Promise<number> {
    if (drafts.length === 0) return 0;
    return this.write(async (tx) => {
      const ids = [...new Set(drafts.map((d) => d.beneficiaryCitizenId))];
      const linked = await tx
        .createQueryBuilder(LinkSchema, 'l')
        .select('beneficiaryCitizenId')
        .where({ beneficiaryCitizenId: { $in: ids } })
        .execute<{ beneficiaryCitizenId: string }[]>('all', true);
      const skip = new Set(linked.map((r) => r.beneficiaryCitizenId));
      const rows: LinkRow[] = [];
      for (const draft of drafts) {
        if (skip.has(draft.beneficiaryCitizenId)) continue;
        skip.add(draft.beneficiaryCitizenId);
        rows.push(toRow(draft, randomUUID(), 'ACTIVE', now, now));
      }
      if (rows.length > 0) await tx.insertMany(LinkSchema, rows);
      return rows.length;
    });
  }

  async markImported(now: Date, count: number): Promise<void> {
    await this.write(async (tx) => {
      const done = await this.meta(tx, IMPORT_KEY);
      if (!done) await tx.insert(StoreMetaSchema, { key: IMPORT_KEY, value: JSON.stringify({ at: now.toISOString(), count }), updatedAt: now });
    });
  }

  // ---- cooling-off swap ----

  async dueActivations(now: Date, limit: number): Promise<StoredLink[]> {
    const rows = await this.em()
      .createQueryBuilder(LinkSchema, 'l')
      .where({
        status: 'COOLING_OFF',
        effectiveFrom: { $lte: now },
        activationRequestedAt: null,
        $or: [{ nextCheckAt: null }, { nextCheckAt: { $lte: now } }],
      })
      .orderBy({ effectiveFrom: 'asc', seq: 'asc' })
      .limit(limit)
      .execute<LinkRow[]>('all', true);
    return rows.map(toStored);
  }

  async deferActivation(linkId: string, until: Date): Promise<void> {
    await this.write((tx) => tx.nativeUpdate(LinkSchema, { id: linkId, status: 'COOLING_OFF' }, { nextCheckAt: until }));
  }

  async rejectWaiting(linkId: string, checks: readonly LinkCheckRecord[], now: Date): Promise<boolean> {
    return this.write(async (tx) => {
      const moved = await tx.nativeUpdate(
        LinkSchema,
        { id: linkId, status: 'COOLING_OFF', activationRequestedAt: null },
        { status: 'REJECTED', checks: JSON.stringify(checks), updatedAt: now },
      );
      return moved === 1;
    });
  }

  async requestActivation(linkId: string, checks: readonly LinkCheckRecord[], now: Date): Promise<boolean> {
    return this.write(async (tx) => {
      const row = await this.row(tx, linkId);
      if (!row) return false;
      await this.lockBeneficiary(tx, row.beneficiaryCitizenId);
      const moved = await tx.nativeUpdate(
        LinkSchema,
        { id: linkId, status: 'COOLING_OFF', activationRequestedAt: null },
        { activationRequestedAt: now, checks: JSON.stringify(checks), updatedAt: now },
      );
      if (moved !== 1) return false;
      await this.enqueue(tx, row, ['POPULATION'], now);
      return true;
    });
  }

  // ---- outbox ----

  async dueOutbox(now: Date, limit: number): Promise<OutboxEntry[]> {
    const rows = await this.em()
      .createQueryBuilder(OutboxSchema, 'o')
      .where({ status: 'PENDING', nextAttemptAt: { $lte: now } })
      .orderBy({ seq: 'asc' })
      .limit(limit)
      .execute<OutboxRow[]>('all', true);
    return rows.map((r) => ({
      seq: r.seq!,
      linkId: r.linkId,
      target: r.target as PushTarget,
      submissionId: r.submissionId,
      payload: JSON.parse(r.payload) as PushPayload,
      attempts: r.attempts,
    }));
  }

  async completePush(seq: number, outcome: PushOutcome, now: Date): Promise<void> {
    await this.write(async (tx) => {
      const entry = await this.outboxRow(tx, seq);
      if (!entry || entry.status !== 'PENDING') return;
      const target = entry.target as PushTarget;
      await tx.nativeUpdate(
        OutboxSchema,
        { seq },
        {
          status: 'DONE',
          attempts: entry.attempts + 1,
          result: outcome.accepted ? 'ACCEPTED' : 'REFUSED',
          reference: outcome.reference,
          lastError: outcome.accepted ? null : outcome.reason,
          completedAt: now,
        },
      );
      if (target !== 'POPULATION') return;
      await this.lockBeneficiary(tx, entry.beneficiaryCitizenId);
      const link = await this.row(tx, entry.linkId);
      if (!link) return;
      if (!outcome.accepted) {
        if (link.status !== 'ACTIVE' && link.status !== 'COOLING_OFF') return;
        // running.md: a link becomes REJECTED when the population database refuses it; a link it was to replace stays.
        const checks = replaceCheck(parseChecks(link.checks), {
          name: 'IDENTITY_MATCH',
          passed: false,
          detail: `The population database refused the account update${outcome.reason ? ` (${outcome.reason})` : ''}.`,
        });
        await tx.nativeUpdate(LinkSchema, { id: link.id }, { status: 'REJECTED', checks: JSON.stringify(checks), updatedAt: now });
        return;
      }
      if (link.status === 'COOLING_OFF' && link.activationRequestedAt !== null) {
        // The swap: the link in force steps down first, so the one-ACTIVE index never sees two.
        for (const replaced of await this.rows(tx, { beneficiaryCitizenId: link.beneficiaryCitizenId, status: 'ACTIVE' })) {
          await tx.nativeUpdate(
            LinkSchema,
            { id: replaced.id },
            { status: 'UNLINKED', unlinkedAt: now, unlinkReason: `Replaced by link ${link.id}.`, updatedAt: now },
          );
          // Its pushes not sent yet would now arrive after this link's and undo it.
          await this.supersedePushesOf(tx, replaced.id, now);
        }
        await tx.nativeUpdate(LinkSchema, { id: link.id }, { status: 'ACTIVE', updatedAt: now });
      } else if (link.status !== 'ACTIVE') {
        return;
      }
      const roots = link.roots.split(',').filter(Boolean) as RootAgency[];
      // A newer link's update supersedes an older one still waiting, so the roots never end on the older account.
      for (const root of roots) {
        await tx.nativeUpdate(
          OutboxSchema,
          { beneficiaryCitizenId: link.beneficiaryCitizenId, target: root, status: 'PENDING' },
          { status: 'SUPERSEDED', completedAt: now },
        );
      }
      await this.enqueue(tx, link, roots, now);
    });
  }

  async retryPush(seq: number, error: string, nextAttemptAt: Date): Promise<void> {
    await this.write(async (tx) => {
      const entry = await this.outboxRow(tx, seq);
      if (!entry || entry.status !== 'PENDING') return;
      await tx.nativeUpdate(OutboxSchema, { seq }, { attempts: entry.attempts + 1, lastError: error, nextAttemptAt });
    });
  }

  async failPush(seq: number, error: string, now: Date): Promise<void> {
    await this.write(async (tx) => {
      const entry = await this.outboxRow(tx, seq);
      if (!entry || entry.status !== 'PENDING') return;
      await tx.nativeUpdate(OutboxSchema, { seq }, { status: 'FAILED', attempts: entry.attempts + 1, lastError: error, completedAt: now });
    });
  }

  async outboxCounts(): Promise<Record<string, number>> {
    const rows = await this.em()
      .createQueryBuilder(OutboxSchema, 'o')
      .select(['status', 'target'])
      .execute<{ status: string; target: string }[]>('all', true);
    const out: Record<string, number> = {};
    for (const r of rows) out[`${r.target}:${r.status}`] = (out[`${r.target}:${r.status}`] ?? 0) + 1;
    return out;
  }

  ping(): Promise<boolean> {
    return this.closing ? Promise.resolve(false) : this.db.ping();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.queue) await this.queue.run(async () => undefined);
      this.releaseQueue();
      await this.db.close();
    })();
    return this.closing;
  }

  // ---- helpers ----

  private em(): SqlEntityManager {
    return this.db.orm.em.fork() as SqlEntityManager;
  }

  private write<T>(work: (tx: SqlEntityManager) => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new Error('the accounts store is closed'));
    const run = () => this.em().transactional((tx) => work(tx as SqlEntityManager));
    return this.queue ? this.queue.run(run) : run();
  }

  /** On PostgreSQL, makes this transaction the only writer of this beneficiary's links until it ends. */
  private async lockBeneficiary(tx: SqlEntityManager, citizenId: string): Promise<void> {
    if (this.dialect !== 'postgresql') return;
    await tx.execute('select pg_advisory_xact_lock(?::bigint)', [advisoryLockKey(`asxh:accounts:${this.db.schema ?? ''}:${citizenId}`)], 'get');
  }

  private async answerAfterRace(error: unknown, scope: IdempotencyScope): Promise<IdempotencyHit | null> {
    // A concurrent call with the same key inserted its record first: its answer is the key's answer.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
    const hit = await this.findAnswer(scope);
    if (!hit) throw error;
    return hit;
  }

  private async readAnswer(em: SqlEntityManager, scope: IdempotencyScope): Promise<IdempotencyHit | null> {
    const rows = await em
      .createQueryBuilder(IdempotencySchema, 'i')
      .where({ clientId: scope.clientId, subject: scope.subject, idempotencyKey: scope.key })
      .execute<{ operation: string; requestHash: string; linkId: string | null; userErrors: string }[]>('all', true);
    const row = rows[0];
    if (!row) return null;
    return {
      operation: row.operation as LinkOperation,
      requestHash: row.requestHash,
      answer: { linkId: row.linkId, userErrors: JSON.parse(row.userErrors) as UserErrorRecord[] },
    };
  }

  private async insertAnswer(
    tx: SqlEntityManager,
    scope: IdempotencyScope,
    operation: LinkOperation,
    requestHash: string,
    answer: { linkId: string | null; userErrors: readonly UserErrorRecord[] },
    now: Date,
  ): Promise<void> {
    await tx.insert(IdempotencySchema, {
      clientId: scope.clientId,
      subject: scope.subject,
      idempotencyKey: scope.key,
      operation,
      requestHash,
      linkId: answer.linkId,
      userErrors: JSON.stringify(answer.userErrors),
      createdAt: now,
    });
  }

  // Rows are read as plain objects, never hydrated: a managed entity would be flushed back at commit over what
  // nativeUpdate wrote (SQLite keeps dates as numbers, so the ORM sees every Date as changed).
  private async outboxRow(em: SqlEntityManager, seq: number): Promise<OutboxRow | null> {
    return (await em.createQueryBuilder(OutboxSchema, 'o').where({ seq }).execute<OutboxRow[]>('all', true))[0] ?? null;
  }

  private async meta(em: SqlEntityManager, key: string): Promise<{ value: string } | null> {
    return (await em.createQueryBuilder(StoreMetaSchema, 'm').where({ key }).execute<{ value: string }[]>('all', true))[0] ?? null;
  }

  private async row(em: SqlEntityManager, id: string): Promise<LinkRow | null> {
    return (await this.rows(em, { id }))[0] ?? null;
  }

  private rows(em: SqlEntityManager, where: QBFilterQuery<LinkRow>): Promise<LinkRow[]> {
    return em.createQueryBuilder(LinkSchema, 'l').where(where).orderBy({ seq: 'desc' }).execute<LinkRow[]>('all', true);
  }

  private async enqueue(tx: SqlEntityManager, link: LinkRow, targets: readonly PushTarget[], now: Date): Promise<void> {
    const payload: PushPayload = {
      citizenId: link.beneficiaryCitizenId,
      method: link.method as PushPayload['method'],
      providerCode: link.providerCode,
      accountNumber: link.accountNumber,
      recipientRole: link.recipientRole as PushPayload['recipientRole'],
      recipientCitizenId: link.recipientCitizenId,
    };
    for (const target of targets) {
      await tx.insert(OutboxSchema, {
        linkId: link.id,
        beneficiaryCitizenId: link.beneficiaryCitizenId,
        target,
        submissionId: submissionId(link.id, target),
        payload: JSON.stringify(payload),
        status: 'PENDING',
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        result: null,
        reference: null,
        createdAt: now,
        completedAt: null,
      });
    }
  }

  private async supersedePushesOf(tx: SqlEntityManager, linkId: string, now: Date): Promise<void> {
    await tx.nativeUpdate(OutboxSchema, { linkId, status: 'PENDING' }, { status: 'SUPERSEDED', completedAt: now });
  }
}

function toRow(draft: LinkDraft, id: string, status: LinkStatusValue, effectiveFrom: Date | null, now: Date): LinkRow {
  return {
    id,
    beneficiaryCitizenId: draft.beneficiaryCitizenId,
    communeCode: draft.communeCode,
    provinceCode: draft.provinceCode,
    method: draft.method,
    recipientRole: draft.recipientRole,
    recipientCitizenId: draft.recipientCitizenId,
    providerCode: draft.provider.code,
    providerName: draft.provider.name,
    providerKind: draft.provider.kind,
    accountNumber: draft.accountNumber,
    accountHolderName: draft.accountHolderName,
    status,
    checks: JSON.stringify(draft.checks),
    effectiveFrom,
    consentReference: draft.consentReference,
    createdAt: now,
    createdBy: draft.createdBy,
    clientId: draft.clientId,
    unlinkedAt: null,
    unlinkReason: null,
    roots: draft.roots.join(','),
    nextCheckAt: null,
    activationRequestedAt: null,
    updatedAt: now,
  };
}

const parseChecks = (text: string): LinkCheckRecord[] => JSON.parse(text) as LinkCheckRecord[];

/** The checks with `check` in place of the one of its name (appended when absent). */
export function replaceCheck(checks: readonly LinkCheckRecord[], check: LinkCheckRecord): LinkCheckRecord[] {
  const out = checks.filter((c) => c.name !== check.name);
  const at = checks.findIndex((c) => c.name === check.name);
  out.splice(at < 0 ? out.length : at, 0, check);
  return out;
}

function toStored(row: LinkRow): StoredLink {
  return {
    id: row.id,
    beneficiaryCitizenId: row.beneficiaryCitizenId,
    communeCode: row.communeCode,
    provinceCode: row.provinceCode,
    method: row.method as StoredLink['method'],
    recipientRole: row.recipientRole as StoredLink['recipientRole'],
    recipientCitizenId: row.recipientCitizenId,
    provider: { code: row.providerCode, name: row.providerName, kind: row.providerKind as ProviderKindValue },
    accountNumber: row.accountNumber,
    accountHolderName: row.accountHolderName,
    status: row.status as LinkStatusValue,
    checks: parseChecks(row.checks),
    effectiveFrom: row.effectiveFrom,
    consentReference: row.consentReference,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    clientId: row.clientId,
    unlinkedAt: row.unlinkedAt,
    unlinkReason: row.unlinkReason,
    roots: row.roots.split(',').filter(Boolean) as RootAgency[],
  };
}
