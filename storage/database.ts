import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { MikroORM, type EntityClass, type EntitySchema, type MigrationObject, type Options } from '@mikro-orm/core';
import { LibSqlDriver, type AbstractSqlDriver } from '@mikro-orm/libsql';
import { Migrator } from '@mikro-orm/migrations';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { advisoryLockKey, assertSchemaName, isPostgresUrl, type SqlDialect } from './sql-dialect.js';

/** How a stateful process opens its own store. */
export interface DatabaseOptions {
  /** postgres:// or postgresql:// selects PostgreSQL; anything else (or unset) the embedded SQLite file. */
  databaseUrl?: string | undefined;
  /** The SQLite file (its folder is created), or ':memory:'. */
  sqlitePath: string;
  /** The PostgreSQL schema that holds every table of this store, created when missing. Ignored on SQLite. */
  schema: string;
  /** EntitySchema (or defineEntity) values preferably: decorated classes would need decorator metadata under vitest. */
  entities: readonly (EntitySchema<any, any> | EntityClass<any>)[];
  /** Applied in this order at open; given as classes so nothing is globbed from disk (works from dist/ and under vitest). */
  migrations: readonly MigrationObject[];
  /** How long a SQLite writer waits for another process's write lock before failing; default 5000 ms. */
  sqliteBusyTimeoutMs?: number;
}

/** An open store: the ORM plus the few things every owner needs. */
export interface Database {
  orm: MikroORM<AbstractSqlDriver>;
  dialect: SqlDialect;
  /** The PostgreSQL schema of this store; undefined on SQLite. */
  schema: string | undefined;
  /** Names of the migrations this open applied (empty when the store was already current). */
  migrationsApplied: readonly string[];
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /** Closes every connection; later calls do nothing. */
  close(): Promise<void>;
}

/** Opens SQLite or PostgreSQL per `databaseUrl`, creates the schema or file when missing and runs pending migrations. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const common = {
    entities: [...options.entities],
    extensions: [Migrator],
    // Entities are EntitySchema with explicit types, so nothing needs decorator metadata; no cache files either.
    metadataCache: { enabled: false },
    discovery: { warnWhenNoEntities: false },
    debug: false,
    migrations: {
      migrationsList: [...options.migrations],
      tableName: 'mikro_orm_migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  } satisfies Options;

  if (isPostgresUrl(options.databaseUrl)) {
    const schema = assertSchemaName(options.schema);
    const orm = await MikroORM.init<PostgreSqlDriver>({ ...common, driver: PostgreSqlDriver, clientUrl: options.databaseUrl, schema });
    return finishOpen(orm as unknown as MikroORM<AbstractSqlDriver>, 'postgresql', schema, () => migratePostgres(orm, schema));
  }

  const memory = options.sqlitePath === ':memory:';
  const dbName = memory ? ':memory:' : resolve(options.sqlitePath);
  if (!memory) await mkdir(dirname(dbName), { recursive: true });
  const busyTimeoutMs = options.sqliteBusyTimeoutMs ?? 5000;
  const orm = await MikroORM.init<LibSqlDriver>({
    ...common,
    driver: LibSqlDriver,
    dbName,
    pool: {
      // libsql connections are recycled (every 10 s for files), so per-connection settings belong here, not in a
      // one-off statement after connect.
      afterCreate: (conn: { exec(sql: string): unknown }, done: (err: unknown, conn: unknown) => void) => {
        try {
          conn.exec(`pragma busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
          conn.exec('pragma foreign_keys = on');
          // WAL lets readers proceed while another connection or process holds the write lock.
          if (!memory) conn.exec('pragma journal_mode = wal');
          done(null, conn);
        } catch (error) {
          done(error, conn);
        }
      },
    },
  });
  return finishOpen(orm as unknown as MikroORM<AbstractSqlDriver>, 'sqlite', undefined, async () => {
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  });
}

async function finishOpen(
  orm: MikroORM<AbstractSqlDriver>,
  dialect: SqlDialect,
  schema: string | undefined,
  migrate: () => Promise<string[]>,
): Promise<Database> {
  let migrationsApplied: string[];
  try {
    migrationsApplied = await migrate();
  } catch (error) {
    await orm.close(true).catch(() => undefined);
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    orm,
    dialect,
    schema,
    migrationsApplied,
    async ping() {
      if (closing) return false;
      try {
        return (await orm.checkConnection()).ok;
      } catch {
        return false;
      }
    },
    close() {
      closing ??= orm.close(true);
      return closing;
    },
  };
}

/**
 * Two processes may start against a fresh database at once: a transaction-scoped advisory lock per schema makes
 * them take turns, first to create the schema (committed on its own, because MikroORM checks for its migrations
 * table on another connection) and then to run the migrations in one transaction.
 */
async function migratePostgres(orm: MikroORM<PostgreSqlDriver>, schema: string): Promise<string[]> {
  const connection = orm.em.getConnection();
  const lock = 'select pg_advisory_xact_lock(?::bigint)';
  const key = advisoryLockKey(`asxh:migrate:${schema}`);
  await connection.transactional(async (trx) => {
    await connection.execute(lock, [key], 'get', trx);
    await connection.execute(`create schema if not exists "${schema}"`, [], 'run', trx);
  });
  return connection.transactional(async (trx) => {
    await connection.execute(lock, [key], 'get', trx);
    const applied = await orm.getMigrator().up({ transaction: trx });
    return applied.map((m) => m.name);
  });
}
