import { join } from 'node:path';
import { z } from 'zod';
import type { OutboxSettings } from './outbox-worker.js';
import type { AccountStoreOptions } from './store/account.store.js';

const ms = z.coerce.number().int().positive();

const Env = z.object({
  /** Unset: the SQLite file DATA_DIR/accounts.sqlite; a postgres:// URL: schema `accounts` of that database. */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL').optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  /** Anti-fraud delay before a replacing link takes effect. */
  COOLING_OFF_HOURS: z.coerce.number().min(0).max(24 * 365).default(72),
  OUTBOX_POLL_MS: ms.default(1000),
  OUTBOX_RETRY_BASE_MS: ms.default(1000),
  OUTBOX_RETRY_MAX_MS: ms.default(300_000),
  OUTBOX_BATCH_SIZE: z.coerce.number().int().positive().max(1000).default(50),
  PROVIDER_CACHE_TTL_MS: ms.default(3_600_000),
  /** The import of the accounts on file on a first start: before serving ('on'), in the background, or 'off'. */
  ACCOUNTS_IMPORT: z.enum(['on', 'background', 'off']).default('on'),
});

export interface AccountsConfig {
  readonly database: AccountStoreOptions;
  readonly coolingOffMs: number;
  readonly outbox: OutboxSettings;
  readonly providerCacheTtlMs: number;
  readonly importOnStart: 'await' | 'background' | 'off';
}

/** Reads the accounts subgraph's own settings (agency URLs and the rest come from loadSubgraphConfig). */
export function loadAccountsConfig(env: Readonly<Record<string, string | undefined>>): AccountsConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new Error(`invalid accounts configuration:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const e = parsed.data;
  return Object.freeze({
    database: Object.freeze({ databaseUrl: e.DATABASE_URL, sqlitePath: join(e.DATA_DIR, 'accounts.sqlite'), schema: 'accounts' }),
    coolingOffMs: Math.round(e.COOLING_OFF_HOURS * 3_600_000),
    outbox: Object.freeze({ pollMs: e.OUTBOX_POLL_MS, retryBaseMs: e.OUTBOX_RETRY_BASE_MS, retryMaxMs: e.OUTBOX_RETRY_MAX_MS, batchSize: e.OUTBOX_BATCH_SIZE }),
    providerCacheTtlMs: e.PROVIDER_CACHE_TTL_MS,
    importOnStart: e.ACCOUNTS_IMPORT === 'on' ? 'await' : e.ACCOUNTS_IMPORT,
  });
}
