import type { LaborAdapter } from '../../adapters/labor/index.js';
import { createSubgraphServer, type InternalTrust, type SubgraphServer } from '../shared/server.js';
import type { Logger } from '../../schema/logger.js';
import { AreaDirectory } from './area-directory.js';
import { createLaborContext } from './context.js';
import { MAX_ROOT_KEYS } from '../shared/root-source.js';
import { buildLaborSchema } from './schema.js';

export interface LaborSubgraphDeps {
  readonly adapter: LaborAdapter;
  readonly verifyKey: InternalTrust;
  readonly clock: () => Date;
  readonly areaCacheTtlMs: number;
  readonly logger?: Logger;
}

/** The labor subgraph, ready to `listen(port)`. */
export async function createLaborSubgraph(deps: LaborSubgraphDeps): Promise<SubgraphServer> {
  const areas = new AreaDirectory(deps.adapter, deps.areaCacheTtlMs, deps.clock);
  return createSubgraphServer({
    name: 'labor',
    schema: await buildLaborSchema(),
    verifyKey: deps.verifyKey,
    clock: deps.clock,
    ...(deps.logger ? { logger: deps.logger } : {}),
    createContext: (base) => createLaborContext(base, deps.adapter, areas, MAX_ROOT_KEYS),
  });
}
