import { createHash } from 'node:crypto';
import type { AbstractSqlPlatform } from '@mikro-orm/libsql';

/** The two SQL dialects a store can run on. */
export type SqlDialect = 'sqlite' | 'postgresql';

/** True when `url` selects PostgreSQL rather than the embedded SQLite file. */
export const isPostgresUrl = (url: string | undefined): url is string =>
  url !== undefined && /^postgres(ql)?:\/\//i.test(url);

/**
 * The dialect behind a MikroORM platform. Only PostgreSQL of our two dialects has schemas, which spares
 * migrations a static import of either driver package.
 */
export const dialectOf = (platform: AbstractSqlPlatform): SqlDialect => (platform.supportsSchemas() ? 'postgresql' : 'sqlite');

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Throws unless `name` is a plain lower-case PostgreSQL identifier, so it can be spliced into DDL unquoted-safe. */
export function assertSchemaName(name: string): string {
  if (!SCHEMA_NAME.test(name)) throw new TypeError(`invalid schema name: ${JSON.stringify(name)}`);
  return name;
}

/**
 * A table name qualified for the dialect: `"schema"."table"` on PostgreSQL, the bare name on SQLite (one
 * file per store stands in for the schema).
 */
export function qualifiedTable(dialect: SqlDialect, schema: string | undefined, table: string): string {
  return dialect === 'postgresql' && schema !== undefined ? `"${assertSchemaName(schema)}"."${table}"` : `"${table}"`;
}

/** A stable signed 64-bit key for `pg_advisory_xact_lock`, as a decimal string (node-postgres binds int8 as text). */
export function advisoryLockKey(name: string): string {
  return createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}
