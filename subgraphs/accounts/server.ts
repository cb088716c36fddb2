import type { LaborAdapter } from '../../adapters/labor/index.js';
import type { PayerAdapter } from '../../adapters/payer/index.js';
import type { PensionAdapter } from '../../adapters/pension/index.js';
import type { PopulationAdapter } from '../../adapters/population/index.js';
import type { Logger } from '../../schema/logger.js';
import { createSubgraphServer, type InternalTrust, type SubgraphServer } from '../shared/server.js';
import { createAccountsContext } from './context.js';
import { InitialImport } from './initial-import.js';
import { LinkService } from './link.service.js';
import { DEFAULT_OUTBOX_SETTINGS, OutboxWorker, type OutboxSettings } from './outbox-worker.js';
import { ProviderDirectory } from './provider-directory.js';
import { buildAccountsSchema } from './schema.js';
import { openAccountStore, type AccountStore, type AccountStoreOptions } from './store/account.store.js';

/** Most beneficiaries one `_entities` batch loads links for in one query. */
export const MAX_KEYS = 500;

export interface AccountsSubgraphDeps {
  readonly labor: LaborAdapter;
  readonly pension: PensionAdapter;
  readonly population: PopulationAdapter;
  readonly payer: PayerAdapter;
  readonly verifyKey: InternalTrust;
  readonly clock: () => Date;
  /** Where the links live: SQLite file or PostgreSQL schema (default 'accounts'). */
  readonly database: AccountStoreOptions;
  /** Anti-fraud delay before a replacing link takes effect. */
  readonly coolingOffMs: number;
  readonly outbox?: Partial<OutboxSettings>;
  /** False leaves the loop to the caller (`worker.runOnce()` in tests). */
  readonly runWorker?: boolean;
  /**
   * The import of the accounts on file: 'await' (default) finishes it before the subgraph serves; 'background' leaves
   * it to the worker (100,000 beneficiaries took 4 s here, so a million would hold the start ~40 s); 'off' skips it.
   */
  readonly importOnStart?: 'await' | 'background' | 'off';
  readonly providerCacheTtlMs?: number;
  readonly logger?: Logger;
}

/** The accounts subgraph with its store and background worker (closed with it). */
export interface AccountsSubgraph extends SubgraphServer {
  readonly store: AccountStore;
  readonly worker: OutboxWorker;
  readonly initialImport: InitialImport;
}

/**
 * The accounts subgraph, ready to `listen(port)`: opens and migrates its store, imports the accounts on file on a
 * first start (waiting for that first attempt, so the links exist before the first request), and starts the worker.
 */
export async function createAccountsSubgraph(deps: AccountsSubgraphDeps): Promise<AccountsSubgraph> {
  const store = await openAccountStore(deps.database);
  try {
    const providers = new ProviderDirectory(deps.payer, deps.providerCacheTtlMs ?? 3_600_000, deps.clock);
    const common = { labor: deps.labor, pension: deps.pension, clock: deps.clock, ...(deps.logger ? { logger: deps.logger } : {}) };
    const initialImport = new InitialImport({ ...common, store, providers });
    const importMode = deps.importOnStart ?? 'await';
    if (importMode === 'await') await initialImport.ensure();
    const service = new LinkService({ ...common, store, population: deps.population, payer: deps.payer, providers, coolingOffMs: deps.coolingOffMs });
    const worker = new OutboxWorker({
      ...common,
      store,
      population: deps.population,
      payer: deps.payer,
      settings: { ...DEFAULT_OUTBOX_SETTINGS, ...deps.outbox },
      ...(importMode !== 'off' ? { beforeRun: async () => void (await initialImport.ensure()) } : {}),
    });
    const server = await createSubgraphServer({
      name: 'accounts',
      schema: await buildAccountsSchema(),
      verifyKey: deps.verifyKey,
      clock: deps.clock,
      ...(deps.logger ? { logger: deps.logger } : {}),
      createContext: (base) => createAccountsContext(base, store, service, MAX_KEYS),
    });
    if (deps.runWorker ?? true) worker.start();
    return {
      store,
      worker,
      initialImport,
      stats: server.stats,
      listen: (port, host) => server.listen(port, host),
      async close() {
        await worker.stop();
        await server.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
