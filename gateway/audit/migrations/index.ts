import type { MigrationObject } from '@mikro-orm/core';
import { AuditInitialMigration } from './audit-initial.migration.js';

/**
 * The audit store's migrations in order. Names are what the migrations table records: never rename one, only
 * append new ones.
 */
export const auditMigrations: readonly MigrationObject[] = [
  { name: 'Migration20261125000000_audit_initial', class: AuditInitialMigration },
];
