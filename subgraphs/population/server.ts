import type { PopulationAdapter } from '../../adapters/population/index.js';
import { createSubgraphServer, type InternalTrust, type SubgraphServer } from '../shared/server.js';
import type { Logger } from '../../schema/logger.js';
import { createPopulationContext } from './context.js';
import { buildPopulationSchema } from './schema.js';

export interface PopulationSubgraphDeps {
  readonly adapter: PopulationAdapter;
  readonly verifyKey: InternalTrust;
  readonly clock: () => Date;
  readonly logger?: Logger;
}

/** The population subgraph, ready to `listen(port)`. */
export async function createPopulationSubgraph(deps: PopulationSubgraphDeps): Promise<SubgraphServer> {
  return createSubgraphServer({
    name: 'population',
    schema: await buildPopulationSchema(),
    verifyKey: deps.verifyKey,
    clock: deps.clock,
    ...(deps.logger ? { logger: deps.logger } : {}),
    createContext: (base) => createPopulationContext(base, deps.adapter, 500),
  });
}
