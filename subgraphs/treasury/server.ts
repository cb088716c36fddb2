import type { TreasuryAdapter } from '../../adapters/treasury/index.js';
import type { Logger } from '../../schema/logger.js';
import { createSubgraphServer, type InternalTrust, type SubgraphServer } from '../shared/server.js';
import { createTreasuryContext } from './context.js';
import { buildTreasurySchema } from './schema.js';

export interface TreasurySubgraphDeps {
  readonly adapter: TreasuryAdapter;
  readonly verifyKey: InternalTrust;
  readonly clock: () => Date;
  readonly logger?: Logger;
}

/** The treasury subgraph, ready to `listen(port)`. */
export async function createTreasurySubgraph(deps: TreasurySubgraphDeps): Promise<SubgraphServer> {
  return createSubgraphServer({
    name: 'treasury',
    schema: await buildTreasurySchema(),
    verifyKey: deps.verifyKey,
    clock: deps.clock,
    ...(deps.logger ? { logger: deps.logger } : {}),
    createContext: (base) => createTreasuryContext(base, deps.adapter),
  });
}
