import 'reflect-metadata';
import { createTreasuryHttpAdapter } from '../../adapters/treasury/index.js';
import { agencyClient } from '../shared/config.js';
import { runSubgraph } from '../shared/run.js';
import { createTreasurySubgraph } from './server.js';

// Entry point of the treasury subgraph process (TREASURY_URL, PORT, INTERNAL_PUBLIC_KEY_FILE…).
await runSubgraph('treasury', ['TREASURY'], async (config, verifyKey, logger) =>
  createTreasurySubgraph({
    adapter: createTreasuryHttpAdapter(agencyClient('TREASURY', config.agencies.TREASURY!)),
    verifyKey,
    clock: () => new Date(),
    logger,
  }),
);
