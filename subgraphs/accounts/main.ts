import 'reflect-metadata';
import { createLaborHttpAdapter } from '../../adapters/labor/index.js';
import { createPayerHttpAdapter } from '../../adapters/payer/index.js';
import { createPensionHttpAdapter } from '../../adapters/pension/index.js';
import { createPopulationHttpAdapter } from '../../adapters/population/index.js';
import { agencyClient } from '../shared/config.js';
import { runSubgraph } from '../shared/run.js';
import { loadAccountsConfig } from './config.js';
import { createAccountsSubgraph } from './server.js';

// Entry point of the accounts subgraph process: LABOR_REGISTRY_URL, SOCIAL_INSURANCE_URL, POPULATION_URL, BANK_URL,
// POST_URL, DATABASE_URL, DATA_DIR, COOLING_OFF_HOURS, OUTBOX_*, PORT, INTERNAL_PUBLIC_KEY_FILE…
const AGENCIES = ['LABOR_REGISTRY', 'SOCIAL_INSURANCE', 'POPULATION', 'BANK', 'POST'] as const;

await runSubgraph('accounts', AGENCIES, async (config, verifyKey, logger) => {
  const accounts = loadAccountsConfig(process.env);
  const client = (agency: (typeof AGENCIES)[number]) => agencyClient(agency, config.agencies[agency]!);
  return createAccountsSubgraph({
    labor: createLaborHttpAdapter(client('LABOR_REGISTRY')),
    pension: createPensionHttpAdapter(client('SOCIAL_INSURANCE')),
    population: createPopulationHttpAdapter(client('POPULATION')),
    payer: createPayerHttpAdapter({ bank: client('BANK'), post: client('POST') }),
    verifyKey,
    clock: () => new Date(),
    database: accounts.database,
    coolingOffMs: accounts.coolingOffMs,
    outbox: accounts.outbox,
    providerCacheTtlMs: accounts.providerCacheTtlMs,
    importOnStart: accounts.importOnStart,
    logger,
  });
});
