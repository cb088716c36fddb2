export { openDatabase, type Database, type DatabaseOptions } from './database.js';
export { advisoryLockKey, assertSchemaName, dialectOf, isPostgresUrl, qualifiedTable, type SqlDialect } from './sql-dialect.js';
