import { resolve } from 'node:path';
import { UniqueConstraintViolationException, type FilterQuery } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/libsql';
import { advisoryLockKey, openDatabase, qualifiedTable, type Database } from '../../storage/index.js';
import { decodeAuditCursor, encodeAuditCursor } from './audit-cursor.js';
import {
  AUDIT_OPERATION_TYPES,
  AUDIT_OUTCOMES,
  GENESIS_HASH,
  type AuditChainStatus,
  type AuditEntry,
  type AuditEvent,
  type AuditEventPage,
  type AuditFilter,
  type AuditOperationType,
  type AuditOutcome,
} from './audit-event.js';
import { chainHash, type HashedAuditContent } from './audit-hash.js';
import {
  AUDIT_HEAD_ID,
  AuditEventCitizenSchema,
  AuditEventSchema,
  AuditHeadSchema,
  auditEntities,
  type AuditEventCitizenRecord,
  type AuditEventRecord,
} from './audit.entities.js';
import { AuditStoreError } from './audit.errors.js';
import { auditMigrations } from './migrations/index.js';
import { SerialQueue } from '../../storage/serial-queue.js';

/** The gateway's tamper-evident audit log. */
export interface AuditStore {
  /** Appends one event at the head of the chain and returns it as stored. */
  append(entry: AuditEntry): Promise<AuditEvent>;
  /** One page of events matching `filter`, newest first; `after` is an `endCursor` of an earlier page. */
  list(filter: AuditFilter, first: number, after?: string): Promise<AuditEventPage>;
  /** Recomputes every link from the first event to the head, in batches. */
  verify(): Promise<AuditChainStatus>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  /** Waits for queued appends, then closes the database; later calls do nothing. */
  close(): Promise<void>;
}

export interface AuditStoreOptions {
  /** postgres:// or postgresql:// selects PostgreSQL; unset selects the SQLite file. */
  databaseUrl?: string | undefined;
  /** SQLite file such as '.data/audit.sqlite', or ':memory:'. */
  sqlitePath: string;
  /** PostgreSQL schema of the audit tables; default 'audit'. */
  schema?: string;
  /** Events `verify` reads per query, so a long chain never sits in memory at once; default 500. */
  verifyBatchSize?: number;
}

/** Largest page `list` serves. */
export const AUDIT_MAX_PAGE_SIZE = 1000;

/** Opens (and migrates) the audit database and returns the store over it. */
export async function openAuditStore(options: AuditStoreOptions): Promise<AuditStore> {
  const database = await openDatabase({
    databaseUrl: options.databaseUrl,
    sqlitePath: options.sqlitePath,
    schema: options.schema ?? 'audit',
    entities: auditEntities,
    migrations: auditMigrations,
  });
  return new SqlAuditStore(database, options.sqlitePath, options.verifyBatchSize ?? 500);
}

// Two stores in one process on one SQLite file must share a queue: SQLite's busy wait is synchronous, so a
// second connection waiting for the write lock would block the very event loop the lock holder needs to commit.
const sqliteQueues = new Map<string, { queue: SerialQueue; users: number }>();

const MAX_APPEND_ATTEMPTS = 3;
/** Most events one group-commit transaction writes. */
const MAX_BATCH = 200;
const CITIZEN_ROWS_PER_INSERT = 5000;

interface PendingAppend {
  entry: AuditEntry;
  resolve(event: AuditEvent): void;
  reject(error: unknown): void;
}

class SqlAuditStore implements AuditStore {
  private readonly queue: SerialQueue;
  private readonly pending: PendingAppend[] = [];
  private flushing = false;
  private readonly releaseQueue: () => void;
  private readonly lockKey: string;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    sqlitePath: string,
    private readonly batchSize: number,
  ) {
    this.lockKey = advisoryLockKey(`asxh:audit-append:${db.schema ?? ''}`);
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
      // On PostgreSQL each store is one "gateway instance": instances exclude each other in the database itself.
      this.queue = new SerialQueue();
      this.releaseQueue = () => undefined;
    }
  }

  async append(entry: AuditEntry): Promise<AuditEvent> {
    this.assertOpen();
    const clean = normalizeEntry(entry);
    return new Promise<AuditEvent>((resolve, reject) => {
      this.pending.push({ entry: clean, resolve, reject });
      this.scheduleFlush();
    });
  }

  /**
   * Group commit: appends that arrive while a transaction is running are written together by the next one, in
   * arrival order, so a busy gateway pays one lock and one commit per batch instead of per operation.
   */
  private scheduleFlush(): void {
    if (this.flushing) return;
    this.flushing = true;
    void this.queue
      .run(async () => {
        while (this.pending.length > 0) await this.writeBatch(this.pending.splice(0, MAX_BATCH));
      })
      .finally(() => {
        this.flushing = false;
        if (this.pending.length > 0) this.scheduleFlush();
      });
  }

  private async writeBatch(batch: PendingAppend[]): Promise<void> {
    try {
      const events = await this.withRetries(() => this.appendMany(batch.map((p) => p.entry)));
      batch.forEach((p, i) => p.resolve(events[i]!));
    } catch (error) {
      if (batch.length === 1) return batch[0]!.reject(error);
      // One entry the database refuses must not fail the others: write them one by one.
      for (const p of batch) {
        try {
          p.resolve((await this.withRetries(() => this.appendMany([p.entry])))[0]!);
        } catch (single) {
          p.reject(single);
        }
      }
    }
  }

  private async withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    for (let n = 1; ; n += 1) {
      try {
        return await attempt();
      } catch (error) {
        // Only reachable if something outside this code moved the head; the next attempt reads it afresh.
        const retriable =
          error instanceof UniqueConstraintViolationException || (error instanceof AuditStoreError && error.code === 'CHAIN_CONFLICT');
        if (!retriable || n >= MAX_APPEND_ATTEMPTS) throw error;
      }
    }
  }

  /** Appends `entries` in one transaction, in order, as consecutive links after the head. */
  private appendMany(entries: readonly AuditEntry[]): Promise<AuditEvent[]> {
    return this.em().transactional(async (tx) => {
      await this.lockChain(tx);
      const head = await tx.findOne(AuditHeadSchema, { id: AUDIT_HEAD_ID });
      if (!head) throw new AuditStoreError('CHAIN_HEAD_MISSING', 'the audit head row is missing');
      let previousHash = head.hash;
      const events = entries.map((entry, i): AuditEvent => {
        const sequence = head.sequence + 1 + i;
        const hash = chainHash(previousHash, { sequence, ...entry });
        const event: AuditEvent = {
          sequence,
          at: entry.at.toISOString(),
          subject: entry.subject,
          clientId: entry.clientId,
          operationName: entry.operationName,
          operationType: entry.operationType,
          fields: entry.fields,
          citizenIds: entry.citizenIds,
          outcome: entry.outcome,
          hash,
          previousHash,
          requestId: entry.requestId,
        };
        previousHash = hash;
        return event;
      });
      await tx.insertMany(
        AuditEventSchema,
        events.map((e, i) => ({
          sequence: e.sequence,
          at: entries[i]!.at,
          subject: e.subject,
          clientId: e.clientId,
          operationName: e.operationName,
          operationType: e.operationType,
          fields: JSON.stringify(e.fields),
          outcome: e.outcome,
          requestId: e.requestId,
          previousHash: e.previousHash,
          hash: e.hash,
        })),
      );
      const citizens = events.flatMap((e) => e.citizenIds.map((citizenId, position) => ({ sequence: e.sequence, position, citizenId })));
      // Chunks keep each statement under PostgreSQL's 65,535 bound parameters.
      for (let i = 0; i < citizens.length; i += CITIZEN_ROWS_PER_INSERT) {
        await tx.insertMany(AuditEventCitizenSchema, citizens.slice(i, i + CITIZEN_ROWS_PER_INSERT));
      }
      const last = events.at(-1)!;
      // Compare-and-set: a head moved by anyone but the lock holder fails this append instead of forking.
      const moved = await tx.nativeUpdate(AuditHeadSchema, { id: AUDIT_HEAD_ID, sequence: head.sequence }, { sequence: last.sequence, hash: last.hash });
      if (moved !== 1) throw new AuditStoreError('CHAIN_CONFLICT', 'the audit head moved during an append');
      return events;
    });
  }

  /** Makes this transaction the only appender until it ends, before the head is read. */
  private async lockChain(tx: SqlEntityManager): Promise<void> {
    if (this.db.dialect === 'postgresql') {
      // Keyed by schema, so stores in other schemas of the same database never wait for this one.
      await tx.execute('select pg_advisory_xact_lock(?::bigint)', [this.lockKey], 'get');
    } else {
      // knex can only say BEGIN (deferred). Making a write the transaction's first statement takes SQLite's write
      // lock before anything is read, which is what BEGIN IMMEDIATE would do; busy_timeout makes others wait.
      await tx.execute(`update ${this.table('audit_head')} set "sequence" = "sequence" where "id" = ${AUDIT_HEAD_ID}`, [], 'run');
    }
  }

  // Reads below map rows to plain objects without hydrating entities: nothing piles up in an identity map during a
  // long verify, and a value tampered into an impossible shape reaches the checks instead of throwing in hydration.

  async list(filter: AuditFilter, first: number, after?: string): Promise<AuditEventPage> {
    this.assertOpen();
    if (!Number.isSafeInteger(first) || first < 0 || first > AUDIT_MAX_PAGE_SIZE) {
      throw new AuditStoreError('INVALID_PAGE_SIZE', `first must be an integer from 0 to ${AUDIT_MAX_PAGE_SIZE}`);
    }
    const before = after === undefined ? undefined : decodeAuditCursor(after);
    const em = this.em();
    const where = this.filterQuery(em, filter);

    const totalCount = await em.createQueryBuilder(AuditEventSchema, 'e').where(where).getCount();
    const pageWhere = before === undefined ? where : { $and: [where, { sequence: { $lt: before } }] };
    // One row more than asked tells whether another page exists, even when `first` is 0.
    const rows = await em
      .createQueryBuilder(AuditEventSchema, 'e')
      .where(pageWhere)
      .orderBy({ sequence: 'desc' })
      .limit(first + 1)
      .execute<AuditEventRecord[]>('all', true);
    const page = rows.slice(0, first);
    const citizens =
      page.length === 0 ? new Map<number, string[]>() : await this.citizensOf(em, { sequence: { $in: page.map((r) => r.sequence) } });
    const edges = page.map((row) => ({
      cursor: encodeAuditCursor(row.sequence),
      node: toAuditEvent(row, citizens.get(row.sequence) ?? []),
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount,
    };
  }

  private filterQuery(em: SqlEntityManager, filter: AuditFilter): FilterQuery<AuditEventRecord> {
    const conditions: FilterQuery<AuditEventRecord>[] = [];
    if (filter.subject !== undefined) conditions.push({ subject: filter.subject });
    if (filter.from !== undefined) conditions.push({ at: { $gte: validDate(filter.from) } });
    if (filter.to !== undefined) conditions.push({ at: { $lt: validDate(filter.to) } });
    if (filter.citizenId !== undefined) {
      const withCitizen = em
        .createQueryBuilder(AuditEventCitizenSchema, 'c')
        .select('c.sequence')
        .where({ citizenId: filter.citizenId })
        .getKnexQuery();
      conditions.push({ sequence: { $in: withCitizen as never } });
    }
    return conditions.length === 0 ? {} : { $and: conditions };
  }

  /** Citizen IDs of the selected events, in recorded order, by sequence. */
  private async citizensOf(em: SqlEntityManager, where: FilterQuery<AuditEventCitizenRecord>): Promise<Map<number, string[]>> {
    const bySequence = new Map<number, string[]>();
    const rows = await em
      .createQueryBuilder(AuditEventCitizenSchema, 'c')
      .where(where)
      .orderBy({ sequence: 'asc', position: 'asc' })
      .execute<AuditEventCitizenRecord[]>('all', true);
    for (const row of rows) {
      const list = bySequence.get(row.sequence);
      if (list) list.push(row.citizenId);
      else bySequence.set(row.sequence, [row.citizenId]);
    }
    return bySequence;
  }

  async verify(): Promise<AuditChainStatus> {
    this.assertOpen();
    const em = this.em();
    const head = await em.findOne(AuditHeadSchema, { id: AUDIT_HEAD_ID });
    // A missing head row reads as an empty chain, so any stored event then counts as beyond the head.
    const length = head?.sequence ?? 0;
    const headHash = head?.hash ?? GENESIS_HASH;

    let expected = 1;
    let previousHash = GENESIS_HASH;
    let broken: number | null = null;
    // Only events up to the head read above: later ones may be appending right now and are not this check's.
    while (broken === null && expected <= length) {
      const batch = await em
        .createQueryBuilder(AuditEventSchema, 'e')
        .where({ sequence: { $gte: expected, $lte: length } })
        .orderBy({ sequence: 'asc' })
        .limit(this.batchSize)
        .execute<AuditEventRecord[]>('all', true);
      const last = batch.at(-1);
      if (!last) break;
      const citizens = await this.citizensOf(em, { sequence: { $gte: expected, $lte: last.sequence } });
      for (const row of batch) {
        const fields = decodeFields(row.fields);
        const intact =
          fields !== null &&
          isValidDate(row.at) &&
          row.sequence === expected &&
          row.previousHash === previousHash &&
          row.hash === chainHash(previousHash, hashedContentOf(row, fields, citizens.get(row.sequence) ?? []));
        if (!intact) {
          broken = expected;
          break;
        }
        previousHash = row.hash;
        expected += 1;
      }
    }
    if (broken === null && expected <= length) broken = expected; // the tail up to the head is gone
    if (broken === null && previousHash !== headHash) broken = Math.max(length, 1);
    if (broken === null) {
      // Appends move the head in the same transaction as they insert, so one statement seeing an event past the
      // head means rows were added (or the head rolled back) behind the store's back.
      const beyond = await em.execute<{ last: number | string | null; head: number | string | null }[]>(
        `select (select max("sequence") from ${this.table('audit_event')}) as "last",
                (select "sequence" from ${this.table('audit_head')} where "id" = ${AUDIT_HEAD_ID}) as "head"`,
      );
      const lastStored = Number(beyond[0]?.last ?? 0);
      const headNow = Number(beyond[0]?.head ?? 0);
      if (lastStored > headNow) broken = headNow + 1;
    }
    return { length, headHash, intact: broken === null, firstBrokenSequence: broken };
  }

  ping(): Promise<boolean> {
    return this.closing ? Promise.resolve(false) : this.db.ping();
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      // A flush may re-schedule itself once more for appends that arrived as it finished.
      do {
        await this.queue.run(async () => undefined);
      } while (this.flushing || this.pending.length > 0);
      this.releaseQueue();
      await this.db.close();
    })();
    return this.closing;
  }

  private em(): SqlEntityManager {
    return this.db.orm.em.fork();
  }

  private table(name: string): string {
    return qualifiedTable(this.db.dialect, this.db.schema, name);
  }

  private assertOpen(): void {
    if (this.closing) throw new AuditStoreError('CLOSED', 'the audit store is closed');
  }
}

function hashedContentOf(row: AuditEventRecord, fields: string[], citizenIds: string[]): HashedAuditContent {
  return {
    sequence: row.sequence,
    at: row.at,
    subject: row.subject,
    clientId: row.clientId,
    operationName: row.operationName,
    operationType: row.operationType as AuditOperationType,
    fields,
    citizenIds,
    outcome: row.outcome as AuditOutcome,
    requestId: row.requestId,
  };
}

// Unreadable values below can only come from outside the store: list shows them as they are rather than fail the
// whole page, and verify reports their event as broken.
function toAuditEvent(row: AuditEventRecord, citizenIds: string[]): AuditEvent {
  return {
    sequence: row.sequence,
    at: isValidDate(row.at) ? row.at.toISOString() : String(row.at),
    subject: row.subject,
    clientId: row.clientId,
    operationName: row.operationName,
    operationType: row.operationType as AuditOperationType,
    fields: decodeFields(row.fields) ?? [row.fields],
    citizenIds,
    outcome: row.outcome as AuditOutcome,
    hash: row.hash,
    previousHash: row.previousHash,
    requestId: row.requestId,
  };
}

function decodeFields(text: string): string[] | null {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : null;
  } catch {
    return null;
  }
}

const OPERATION_TYPES: ReadonlySet<string> = new Set(AUDIT_OPERATION_TYPES);
const OUTCOMES: ReadonlySet<string> = new Set(AUDIT_OUTCOMES);

/**
 * Checks an entry and copies it with every string made storable on both dialects: lone surrogates and NUL
 * would be altered or refused by PostgreSQL, and a stored value that differs from the hashed one reads as tampering.
 */
function normalizeEntry(entry: AuditEntry): AuditEntry {
  const text = (value: unknown, what: string): string => {
    if (typeof value !== 'string') throw new AuditStoreError('INVALID_ENTRY', `${what} must be a string`);
    return storable(value);
  };
  const texts = (values: unknown, what: string): string[] => {
    if (!Array.isArray(values)) throw new AuditStoreError('INVALID_ENTRY', `${what} must be an array`);
    return values.map((v) => text(v, what));
  };
  if (!isValidDate(entry.at)) {
    throw new AuditStoreError('INVALID_ENTRY', 'at must be a valid Date');
  }
  if (!OPERATION_TYPES.has(entry.operationType)) throw new AuditStoreError('INVALID_ENTRY', 'unknown operationType');
  if (!OUTCOMES.has(entry.outcome)) throw new AuditStoreError('INVALID_ENTRY', 'unknown outcome');
  return {
    at: new Date(entry.at.getTime()),
    subject: text(entry.subject, 'subject'),
    clientId: text(entry.clientId, 'clientId'),
    operationName: entry.operationName === null ? null : text(entry.operationName, 'operationName'),
    operationType: entry.operationType,
    fields: texts(entry.fields, 'fields'),
    citizenIds: texts(entry.citizenIds, 'citizenIds'),
    outcome: entry.outcome,
    requestId: text(entry.requestId, 'requestId'),
  };
}

const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storable = (value: string): string => value.replace(UNSTORABLE, '\uFFFD');

const isValidDate = (value: unknown): value is Date => value instanceof Date && !Number.isNaN(value.getTime());

function validDate(value: Date): Date {
  if (!isValidDate(value)) {
    throw new AuditStoreError('INVALID_FILTER', 'from and to must be valid dates');
  }
  return value;
}
