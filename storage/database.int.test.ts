import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditEntities, auditMigrations } from '../gateway/audit/index.js';
import { openDatabase, type Database, type DatabaseOptions } from './index.js';
import { createTestTarget, type TestDatabaseTarget } from './testing/test-database.js';

/** Registers a dialect-specific test only on its dialect (not as a skipped test on the other). */
const onlyWhen = (applies: boolean): typeof test => (applies ? test : ((() => undefined) as unknown as typeof test));
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const MIGRATIONS = auditMigrations.map((m) => m.name);
const STORE_TABLES = ['audit_event', 'audit_event_citizen', 'audit_head', 'mikro_orm_migrations'];

describe.each(['sqlite', 'postgresql'] as const)('openDatabase on %s', (dialect) => {
  let target: TestDatabaseTarget;
  const opened: Database[] = [];
  const open = async (overrides: Partial<DatabaseOptions> = {}): Promise<Database> => {
    const db = await openDatabase({
      databaseUrl: target.databaseUrl,
      sqlitePath: target.sqlitePath,
      schema: target.schema,
      entities: auditEntities,
      migrations: auditMigrations,
      ...overrides,
    });
    opened.push(db);
    return db;
  };
  const tablesOf = async (db: Database): Promise<string[]> => {
    const rows =
      db.dialect === 'postgresql'
        ? await db.orm.em
            .getConnection()
            .execute<{ name: string }[]>('select table_name as name from information_schema.tables where table_schema = ?', [target.schema])
        : await db.orm.em.getConnection().execute<{ name: string }[]>(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`);
    return rows.map((r) => r.name).sort();
  };

  beforeAll(async () => {
    target = await createTestTarget(dialect, POSTGRES_URL, 'db');
  });

  afterAll(async () => {
    for (const db of opened) await db.close();
    await target?.dispose();
  });

  test('the first opens create the store and migrate it exactly once, even when they race', async () => {
    // Two gateway instances starting together against a store that does not exist yet (on SQLite, one after the
    // other: a second process on one file would wait, but in one thread its wait would block the first).
    const [first, second] =
      dialect === 'postgresql' ? await Promise.all([open(), open()]) : [await open(), await open()];
    expect([first.migrationsApplied, second.migrationsApplied].sort((a, b) => b.length - a.length)).toEqual([MIGRATIONS, []]);
    expect(first.dialect).toBe(dialect);
    expect(first.schema).toBe(dialect === 'postgresql' ? target.schema : undefined);
    expect(await tablesOf(first)).toEqual(STORE_TABLES);
    if (dialect === 'sqlite') expect((await stat(target.sqlitePath)).isFile()).toBe(true);
  });

  test('reopening an up-to-date store applies nothing', async () => {
    const again = await open();
    expect(again.migrationsApplied).toEqual([]);
    expect(await tablesOf(again)).toEqual(STORE_TABLES);
  });

  test('ping answers until close, and close can be called twice', async () => {
    const db = await open();
    expect(await db.ping()).toBe(true);
    await db.close();
    expect(await db.ping()).toBe(false);
    await db.close();
  });

  onlyWhen(dialect === 'postgresql')('puts nothing in the public schema', async () => {
    const db = await open();
    const rows = await db.orm.em
      .getConnection()
      .execute<{ n: string | number }[]>(
        `select count(*) as n from information_schema.tables where table_schema = 'public' and table_name in ('audit_event', 'audit_event_citizen', 'audit_head')`,
      );
    expect(Number(rows[0]?.n)).toBe(0);
  });

  onlyWhen(dialect === 'postgresql')('refuses a schema name it cannot use safely', async () => {
    await expect(open({ schema: 'Audit"; drop schema public; --' })).rejects.toBeInstanceOf(TypeError);
  });

  onlyWhen(dialect === 'postgresql')('fails loudly when PostgreSQL cannot be reached', async () => {
    await expect(open({ databaseUrl: 'postgres://postgres@127.0.0.1:1/test' })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  onlyWhen(dialect === 'sqlite')("':memory:' gives a private, migrated database per open", async () => {
    const memory = await open({ sqlitePath: ':memory:' });
    expect(memory.migrationsApplied).toEqual(MIGRATIONS);
    expect(await tablesOf(memory)).toEqual(STORE_TABLES);
    expect(await memory.ping()).toBe(true);
  });
});
