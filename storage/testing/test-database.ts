import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { assertSchemaName, type SqlDialect } from '../sql-dialect.js';

/** Where one test file keeps its store: a temp SQLite file, or a fresh PostgreSQL schema that nothing else uses. */
export interface TestDatabaseTarget {
  dialect: SqlDialect;
  databaseUrl: string | undefined;
  sqlitePath: string;
  schema: string;
  /** Removes the temp folder, or drops the schema with everything in it. */
  dispose(): Promise<void>;
}

/**
 * A fresh place for a test file's store. The PostgreSQL schema is only named here (random suffix); opening the
 * store creates it, which is part of what the tests cover. Nothing is skipped when PostgreSQL is down: opening fails.
 */
export async function createTestTarget(dialect: SqlDialect, postgresUrl: string, label: string): Promise<TestDatabaseTarget> {
  const suffix = randomBytes(5).toString('hex');
  if (dialect === 'sqlite') {
    const dir = await mkdtemp(join(tmpdir(), `asxh-${label}-`));
    return {
      dialect,
      databaseUrl: undefined,
      sqlitePath: join(dir, 'nested', `${label}.sqlite`),
      schema: 'unused',
      dispose: () => rm(dir, { recursive: true, force: true }),
    };
  }
  const schema = assertSchemaName(`test_${label}_${suffix}`);
  return {
    dialect,
    databaseUrl: postgresUrl,
    sqlitePath: ':memory:',
    schema,
    dispose: () => dropSchema(postgresUrl, schema),
  };
}

async function dropSchema(postgresUrl: string, schema: string): Promise<void> {
  const orm = await MikroORM.init<PostgreSqlDriver>({
    driver: PostgreSqlDriver,
    clientUrl: postgresUrl,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    debug: false,
  });
  try {
    await orm.em.getConnection().execute(`drop schema if exists "${assertSchemaName(schema)}" cascade`, [], 'run');
  } finally {
    await orm.close(true);
  }
}
