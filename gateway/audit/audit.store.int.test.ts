import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { openDatabase, qualifiedTable, type Database } from '../../storage/index.js';
import { createTestTarget, type TestDatabaseTarget } from '../../storage/testing/test-database.js';
import {
  AuditStoreError,
  GENESIS_HASH,
  auditEntities,
  auditMigrations,
  chainHash,
  openAuditStore,
  type AuditEntry,
  type AuditEvent,
  type AuditFilter,
  type AuditStore,
  type AuditStoreOptions,
} from './index.js';

/** Registers a dialect-specific test only on its dialect (not as a skipped test on the other). */
const onlyWhen = (applies: boolean): typeof test => (applies ? test : ((() => undefined) as unknown as typeof test));
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const T0 = Date.parse('2026-11-05T01:30:00.000Z');
const atMinute = (i: number): Date => new Date(T0 + i * 60_000);
const CITIZEN_A = '001088012345';
const CITIZEN_B = '079190000123';

const entry = (i: number, overrides: Partial<AuditEntry> = {}): AuditEntry => ({
  at: atMinute(i),
  subject: 'officer-1',
  clientId: 'commune-portal',
  operationName: `Op${i}`,
  operationType: 'query',
  fields: ['Query.beneficiary'],
  citizenIds: [],
  outcome: 'OK',
  requestId: `req-${i}`,
  ...overrides,
});

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const bySequence = (a: AuditEvent, b: AuditEvent): number => a.sequence - b.sequence;

describe.each(['sqlite', 'postgresql'] as const)('audit store on %s', (dialect) => {
  let target: TestDatabaseTarget;
  let store: AuditStore;
  // Direct SQL access to the same tables, as a database administrator (or an intruder) would have.
  let admin: Database;

  const open = (options: Partial<AuditStoreOptions> = {}): Promise<AuditStore> =>
    openAuditStore({ databaseUrl: target.databaseUrl, sqlitePath: target.sqlitePath, schema: target.schema, ...options });
  const table = (name: string): string => qualifiedTable(admin.dialect, admin.schema, name);
  const sql = async (text: string): Promise<void> => {
    await admin.orm.em.getConnection().execute(text, [], 'run');
  };
  const appendAll = async (n: number, overrides: (i: number) => Partial<AuditEntry> = () => ({})): Promise<AuditEvent[]> => {
    const events: AuditEvent[] = [];
    for (let i = 0; i < n; i += 1) events.push(await store.append(entry(i, overrides(i))));
    return events;
  };

  beforeAll(async () => {
    target = await createTestTarget(dialect, POSTGRES_URL, 'audit');
    store = await open();
    admin = await openDatabase({
      databaseUrl: target.databaseUrl,
      sqlitePath: target.sqlitePath,
      schema: target.schema,
      entities: auditEntities,
      migrations: auditMigrations,
    });
  });

  afterAll(async () => {
    await store?.close();
    await admin?.close();
    await target?.dispose();
  });

  beforeEach(async () => {
    await sql(`delete from ${table('audit_event_citizen')}`);
    await sql(`delete from ${table('audit_event')}`);
    await sql(`delete from ${table('audit_head')}`);
    await sql(`insert into ${table('audit_head')} ("id", "sequence", "hash") values (1, 0, '${GENESIS_HASH}')`);
  });

  test('an empty chain verifies intact', async () => {
    expect(await store.verify()).toEqual({ length: 0, headHash: GENESIS_HASH, intact: true, firstBrokenSequence: null });
    expect(await store.list({}, 10)).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 });
  });

  test('appends a chain from sequence 1 whose hashes anyone can recompute', async () => {
    const firstEntry = entry(0, {
      fields: ['Query.beneficiary', 'Query.payments'],
      citizenIds: [CITIZEN_B, CITIZEN_A],
    });
    const secondEntry = entry(1, { operationName: null, operationType: 'mutation', outcome: 'PARTIAL', clientId: 'bank-app' });

    const first = await store.append(firstEntry);
    const second = await store.append(secondEntry);

    const firstHash = chainHash(GENESIS_HASH, { sequence: 1, ...firstEntry });
    expect(first).toEqual({
      sequence: 1,
      at: '2026-11-05T01:30:00.000Z',
      subject: 'officer-1',
      clientId: 'commune-portal',
      operationName: 'Op0',
      operationType: 'query',
      fields: ['Query.beneficiary', 'Query.payments'],
      citizenIds: [CITIZEN_B, CITIZEN_A],
      outcome: 'OK',
      hash: firstHash,
      previousHash: GENESIS_HASH,
      requestId: 'req-0',
    });
    expect(firstHash).toMatch(/^[0-9a-f]{64}$/);
    expect(second).toEqual({
      sequence: 2,
      at: '2026-11-05T01:31:00.000Z',
      subject: 'officer-1',
      clientId: 'bank-app',
      operationName: null,
      operationType: 'mutation',
      fields: ['Query.beneficiary'],
      citizenIds: [],
      outcome: 'PARTIAL',
      hash: chainHash(firstHash, { sequence: 2, ...secondEntry }),
      previousHash: firstHash,
      requestId: 'req-1',
    });

    expect(await store.list({}, 10)).toEqual({
      edges: [
        { cursor: 'Mg', node: second },
        { cursor: 'MQ', node: first },
      ],
      pageInfo: { hasNextPage: false, endCursor: 'MQ' },
      totalCount: 2,
    });
    expect(await store.verify()).toEqual({ length: 2, headHash: second.hash, intact: true, firstBrokenSequence: null });
  });

  test('filters by subject, exact citizen ID and a half-open time range; pages visit every event once', async () => {
    const events = await appendAll(30, (i) => ({
      subject: `officer-${i % 3}`,
      citizenIds: i % 4 === 0 ? [CITIZEN_A, CITIZEN_B] : i % 4 === 1 ? [CITIZEN_B] : [],
    }));
    const walk = async (filter: AuditFilter, pageSize: number): Promise<AuditEvent[]> => {
      const seen: AuditEvent[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await store.list(filter, pageSize, after);
        expect(page.edges.length).toBeLessThanOrEqual(pageSize);
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
        seen.push(...page.edges.map((e) => e.node));
        expect(page.totalCount).toBe(expectedFor(filter).length);
        if (!page.pageInfo.hasNextPage) return seen;
        after = page.pageInfo.endCursor ?? undefined;
      }
    };
    const expectedFor = (filter: AuditFilter): AuditEvent[] =>
      events
        .filter((e) => filter.subject === undefined || e.subject === filter.subject)
        .filter((e) => filter.citizenId === undefined || e.citizenIds.includes(filter.citizenId))
        .filter((e) => filter.from === undefined || Date.parse(e.at) >= filter.from.getTime())
        .filter((e) => filter.to === undefined || Date.parse(e.at) < filter.to.getTime())
        .reverse();

    const filters: AuditFilter[] = [
      {},
      { subject: 'officer-2' },
      { citizenId: CITIZEN_A },
      { citizenId: CITIZEN_B },
      { from: atMinute(10), to: atMinute(20) },
      { subject: 'officer-1', citizenId: CITIZEN_B, from: atMinute(5) },
      { citizenId: CITIZEN_A.slice(0, 6) },
      { subject: 'nobody' },
    ];
    for (const filter of filters) {
      for (const pageSize of [1, 7, 100]) {
        expect(await walk(filter, pageSize)).toEqual(expectedFor(filter));
      }
    }
    expect(expectedFor({ from: atMinute(10), to: atMinute(20) }).map((e) => e.sequence)).toEqual(range(11, 20).reverse());
    expect(expectedFor({ citizenId: CITIZEN_A.slice(0, 6) })).toEqual([]);
    expect(await store.list({}, 0)).toEqual({ edges: [], pageInfo: { hasNextPage: true, endCursor: null }, totalCount: 30 });
  });

  test('refuses bad cursors, page sizes, filters and entries with codes', async () => {
    await store.append(entry(0));
    const codeOf = (promise: Promise<unknown>): Promise<unknown> =>
      promise.then(
        () => 'resolved',
        (e: unknown) => (e instanceof AuditStoreError ? e.code : e),
      );
    for (const cursor of ['nope!', 'MA', 'YWJj', 'MQ==', '', 'LTE']) {
      expect(await codeOf(store.list({}, 5, cursor))).toBe('INVALID_CURSOR');
    }
    for (const first of [-1, 1.5, 1001, Number.NaN]) {
      expect(await codeOf(store.list({}, first))).toBe('INVALID_PAGE_SIZE');
    }
    expect(await codeOf(store.list({ from: new Date('not a date') }, 5))).toBe('INVALID_FILTER');
    expect(await codeOf(store.append(entry(1, { at: new Date(Number.NaN) })))).toBe('INVALID_ENTRY');
    expect(await codeOf(store.append(entry(1, { outcome: 'MAYBE' as never })))).toBe('INVALID_ENTRY');
    expect(await codeOf(store.append(entry(1, { operationType: 'batch' as never })))).toBe('INVALID_ENTRY');
    expect(await codeOf(store.append(entry(1, { citizenIds: [42 as never] })))).toBe('INVALID_ENTRY');
    expect(await store.verify()).toMatchObject({ length: 1, intact: true });
  });

  test('50 concurrent appends form one chain 1..50', async () => {
    const events = await Promise.all(range(0, 49).map((i) => store.append(entry(i))));
    const chain = [...events].sort(bySequence);
    expect(chain.map((e) => e.sequence)).toEqual(range(1, 50));
    expect(chain.map((e) => e.previousHash)).toEqual([GENESIS_HASH, ...chain.slice(0, -1).map((e) => e.hash)]);
    expect(await store.verify()).toEqual({ length: 50, headHash: chain[49]?.hash, intact: true, firstBrokenSequence: null });
  });

  test('two gateway instances on one database append 50 each into one chain of 100', async () => {
    const other = await open();
    try {
      const [mine, theirs] = await Promise.all([
        Promise.all(range(0, 49).map((i) => store.append(entry(i, { clientId: 'gateway-a' })))),
        Promise.all(range(0, 49).map((i) => other.append(entry(i, { clientId: 'gateway-b' })))),
      ]);
      const chain = [...mine, ...theirs].sort(bySequence);
      expect(chain.map((e) => e.sequence)).toEqual(range(1, 100));
      expect(new Set(chain.map((e) => e.previousHash)).size).toBe(100);
      expect(chain.map((e) => e.previousHash)).toEqual([GENESIS_HASH, ...chain.slice(0, -1).map((e) => e.hash)]);
      const status = { length: 100, headHash: chain[99]?.hash, intact: true, firstBrokenSequence: null };
      expect(await store.verify()).toEqual(status);
      expect(await other.verify()).toEqual(status);
    } finally {
      await other.close();
    }
  });

  test('an edited row breaks the chain at that row', async () => {
    const events = await appendAll(10);
    await sql(`update ${table('audit_event')} set "subject" = 'someone-else' where "sequence" = 7`);
    expect(await store.verify()).toEqual({ length: 10, headHash: events[9]?.hash, intact: false, firstBrokenSequence: 7 });
  });

  test('an edited citizen ID breaks the chain at its event', async () => {
    const events = await appendAll(10, (i) => ({ citizenIds: [CITIZEN_A, CITIZEN_B].slice(0, i % 3) }));
    await sql(`update ${table('audit_event_citizen')} set "citizen_id" = '000000000000' where "sequence" = 6 and "position" = 1`);
    expect(await store.verify()).toEqual({ length: 10, headHash: events[9]?.hash, intact: false, firstBrokenSequence: 6 });
  });

  test('a row re-hashed by the intruder still breaks the next link', async () => {
    const events = await appendAll(6);
    const forged = chainHash(events[1]?.hash ?? '', { sequence: 3, ...entry(2, { subject: 'someone-else' }) });
    await sql(`update ${table('audit_event')} set "subject" = 'someone-else', "hash" = '${forged}' where "sequence" = 3`);
    expect(await store.verify()).toEqual({ length: 6, headHash: events[5]?.hash, intact: false, firstBrokenSequence: 4 });
  });

  test('a deleted middle row breaks the chain at its sequence', async () => {
    const events = await appendAll(10);
    await sql(`delete from ${table('audit_event')} where "sequence" = 5`);
    expect(await store.verify()).toEqual({ length: 10, headHash: events[9]?.hash, intact: false, firstBrokenSequence: 5 });
  });

  test('a deleted tail is noticed through the head counter', async () => {
    const events = await appendAll(10);
    await sql(`delete from ${table('audit_event')} where "sequence" >= 9`);
    expect(await store.verify()).toEqual({ length: 10, headHash: events[9]?.hash, intact: false, firstBrokenSequence: 9 });
  });

  test('unreadable stored fields break the chain instead of failing verify', async () => {
    const events = await appendAll(4);
    await sql(`update ${table('audit_event')} set "fields" = '{not json' where "sequence" = 2`);
    expect(await store.verify()).toEqual({ length: 4, headHash: events[3]?.hash, intact: false, firstBrokenSequence: 2 });
    expect((await store.list({}, 4)).edges.map((e) => e.node.fields)).toEqual([
      ['Query.beneficiary'],
      ['Query.beneficiary'],
      ['{not json'],
      ['Query.beneficiary'],
    ]);
  });

  test('an unreadable stored instant breaks the chain instead of failing verify', async () => {
    const events = await appendAll(3);
    await sql(`update ${table('audit_event')} set "at" = ${dialect === 'sqlite' ? `'garbage'` : `'infinity'`} where "sequence" = 3`);
    expect(await store.verify()).toEqual({ length: 3, headHash: events[2]?.hash, intact: false, firstBrokenSequence: 3 });
    expect((await store.list({}, 1)).edges.map((e) => e.node.sequence)).toEqual([3]);
  });

  test('a deleted head row stops appends and breaks the chain at 1', async () => {
    await appendAll(3);
    await sql(`delete from ${table('audit_head')}`);
    expect(await store.verify()).toEqual({ length: 0, headHash: GENESIS_HASH, intact: false, firstBrokenSequence: 1 });
    await expect(store.append(entry(3))).rejects.toMatchObject({ code: 'CHAIN_HEAD_MISSING' });
  });

  test('verify walks a long chain in batches', async () => {
    const events = await appendAll(23);
    const batched = await open({ verifyBatchSize: 4 });
    try {
      expect(await batched.verify()).toEqual({ length: 23, headHash: events[22]?.hash, intact: true, firstBrokenSequence: null });
      await sql(`update ${table('audit_event')} set "outcome" = 'DENIED' where "sequence" = 13`);
      expect(await batched.verify()).toEqual({ length: 23, headHash: events[22]?.hash, intact: false, firstBrokenSequence: 13 });
    } finally {
      await batched.close();
    }
  });

  test('strings the database cannot keep verbatim are normalised before hashing', async () => {
    const event = await store.append(entry(0, { operationName: 'a\u0000b', subject: 'x\uD800y', fields: ['Query.\uDC00'] }));
    expect([event.operationName, event.subject, event.fields]).toEqual(['a\uFFFDb', 'x\uFFFDy', ['Query.\uFFFD']]);
    expect((await store.list({}, 1)).edges[0]?.node).toEqual(event);
    expect(await store.verify()).toEqual({ length: 1, headHash: event.hash, intact: true, firstBrokenSequence: null });
  });

  test('a reopened store continues the same chain', async () => {
    const events = await appendAll(3);
    const reopened = await open();
    try {
      const next = await reopened.append(entry(3));
      expect([next.sequence, next.previousHash]).toEqual([4, events[2]?.hash]);
      expect(await store.verify()).toEqual({ length: 4, headHash: next.hash, intact: true, firstBrokenSequence: null });
    } finally {
      await reopened.close();
    }
  });

  test('close lets queued appends finish, then refuses work', async () => {
    const closing = await open();
    const pending = Promise.all([closing.append(entry(0)), closing.append(entry(1))]);
    expect(await closing.ping()).toBe(true);
    await closing.close();
    expect((await pending).map((e) => e.sequence)).toEqual([1, 2]);
    expect(await closing.ping()).toBe(false);
    await expect(closing.append(entry(2))).rejects.toMatchObject({ code: 'CLOSED' });
    await expect(closing.list({}, 1)).rejects.toMatchObject({ code: 'CLOSED' });
    await closing.close();
    expect(await store.ping()).toBe(true);
  });

  onlyWhen(dialect === 'sqlite')('an append waits while another process holds the SQLite write lock', async () => {
    // A worker thread has its own event loop, so it stands in for a second process holding the file's write lock.
    const holdMs = 600;
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads');
       const Database = require('libsql');
       const db = new Database(workerData.path);
       db.exec('begin immediate');
       parentPort.postMessage('locked');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
       db.exec('commit');
       db.close();`,
      { eval: true, workerData: { path: target.sqlitePath, holdMs } },
    );
    try {
      await once(worker, 'message');
      const started = Date.now();
      const event = await store.append(entry(0));
      expect(event.sequence).toBe(1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(holdMs / 2);
      expect(await store.verify()).toMatchObject({ length: 1, intact: true });
    } finally {
      await worker.terminate();
    }
  });
});
