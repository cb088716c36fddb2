// A copy of gateway/db (subgraphs may not import gateway/, architecture.md): keep the two in step by hand.
export { openDatabase, type Database, type DatabaseOptions } from './database.js';
export { advisoryLockKey, assertSchemaName, dialectOf, isPostgresUrl, qualifiedTable, type SqlDialect } from './sql-dialect.js';
