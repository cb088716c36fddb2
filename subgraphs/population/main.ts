import 'reflect-metadata';
import { createPopulationHttpAdapter } from '../../adapters/population/index.js';
import { agencyClient } from '../shared/config.js';
import { runSubgraph } from '../shared/run.js';
import { createPopulationSubgraph } from './server.js';

// Entry point of the population subgraph process (POPULATION_URL, PORT, INTERNAL_PUBLIC_KEY_FILE…).
await runSubgraph('population', ['POPULATION'], async (config, verifyKey, logger) =>
  createPopulationSubgraph({
    adapter: createPopulationHttpAdapter(agencyClient('POPULATION', config.agencies.POPULATION!)),
    verifyKey,
    clock: () => new Date(),
    logger,
  }),
);
