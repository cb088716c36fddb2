import type { MigrationObject } from '@mikro-orm/core';
import { AccountsInitialMigration } from './accounts-initial.migration.js';

/**
 * The accounts store's migrations in order. Names are what the migrations table records: never rename one, only
 * append new ones.
 */
export const accountMigrations: readonly MigrationObject[] = [
  { name: 'Migration20261201000000_accounts_initial', class: AccountsInitialMigration },
];
