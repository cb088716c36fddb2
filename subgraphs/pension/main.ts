import 'reflect-metadata';
import { createPensionHttpAdapter } from '../../adapters/pension/index.js';
import { agencyClient } from '../shared/config.js';
import { runSubgraph } from '../shared/run.js';
import { createPensionSubgraph } from './server.js';

// Entry point of the pension subgraph process (SOCIAL_INSURANCE_URL, PORT, INTERNAL_PUBLIC_KEY_FILE…).
await runSubgraph('pension', ['SOCIAL_INSURANCE'], async (config, verifyKey, logger) =>
  createPensionSubgraph({
    adapter: createPensionHttpAdapter(agencyClient('SOCIAL_INSURANCE', config.agencies.SOCIAL_INSURANCE!)),
    verifyKey,
    clock: () => new Date(),
    logger,
  }),
);
