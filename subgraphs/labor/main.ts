import 'reflect-metadata';
import { createLaborHttpAdapter } from '../../adapters/labor/index.js';
import { agencyClient } from '../shared/config.js';
import { runSubgraph } from '../shared/run.js';
import { createLaborSubgraph } from './server.js';

// Entry point of the labor subgraph process (LABOR_REGISTRY_URL, PORT, INTERNAL_PUBLIC_KEY_FILE…).
await runSubgraph('labor', ['LABOR_REGISTRY'], async (config, verifyKey, logger) =>
  createLaborSubgraph({
    adapter: createLaborHttpAdapter(agencyClient('LABOR_REGISTRY', config.agencies.LABOR_REGISTRY!)),
    verifyKey,
    clock: () => new Date(),
    areaCacheTtlMs: Number(process.env.AREA_CACHE_TTL_MS ?? 3_600_000),
    logger,
  }),
);
