import { describe, expect, test } from 'vitest';
import { loadAccountsConfig } from './config.js';

describe('loadAccountsConfig', () => {
  test('defaults: SQLite file in the data dir, 72 h cooling-off, import before serving', () => {
    expect(loadAccountsConfig({})).toEqual({
      database: { databaseUrl: undefined, sqlitePath: '.data/accounts.sqlite', schema: 'accounts' },
      coolingOffMs: 72 * 3_600_000,
      outbox: { pollMs: 1000, retryBaseMs: 1000, retryMaxMs: 300_000, batchSize: 50 },
      providerCacheTtlMs: 3_600_000,
      importOnStart: 'await',
    });
  });

  test('a postgres:// URL selects schema accounts of that database; every timing is configurable', () => {
    const config = loadAccountsConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test',
      DATA_DIR: '/var/lib/asxh',
      COOLING_OFF_HOURS: '0.5',
      OUTBOX_POLL_MS: '250',
      OUTBOX_RETRY_BASE_MS: '100',
      OUTBOX_RETRY_MAX_MS: '5000',
      OUTBOX_BATCH_SIZE: '10',
      ACCOUNTS_IMPORT: 'background',
    });
    expect(config).toMatchObject({
      database: { databaseUrl: 'postgres://postgres@127.0.0.1:5432/test', sqlitePath: '/var/lib/asxh/accounts.sqlite', schema: 'accounts' },
      coolingOffMs: 1_800_000,
      outbox: { pollMs: 250, retryBaseMs: 100, retryMaxMs: 5000, batchSize: 10 },
      importOnStart: 'background',
    });
  });

  test('refuses what it cannot use', () => {
    expect(() => loadAccountsConfig({ DATABASE_URL: 'mysql://x' })).toThrow();
    expect(() => loadAccountsConfig({ COOLING_OFF_HOURS: '-1' })).toThrow();
    expect(() => loadAccountsConfig({ ACCOUNTS_IMPORT: 'maybe' })).toThrow();
  });
});
