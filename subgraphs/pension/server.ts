import type { PensionAdapter } from '../../adapters/pension/index.js';
import type { Logger } from '../../schema/logger.js';
import { createSubgraphServer, type InternalTrust, type SubgraphServer } from '../shared/server.js';
import { MAX_ROOT_KEYS } from '../shared/root-source.js';
import { createPensionContext } from './context.js';
import { buildPensionSchema } from './schema.js';

export interface PensionSubgraphDeps {
  readonly adapter: PensionAdapter;
  readonly verifyKey: InternalTrust;
  readonly clock: () => Date;
  readonly logger?: Logger;
}

/** The pension (social insurance) subgraph, ready to `listen(port)`. */
export async function createPensionSubgraph(deps: PensionSubgraphDeps): Promise<SubgraphServer> {
  return createSubgraphServer({
    name: 'pension',
    schema: await buildPensionSchema(),
    verifyKey: deps.verifyKey,
    clock: deps.clock,
    ...(deps.logger ? { logger: deps.logger } : {}),
    createContext: (base) => createPensionContext(base, deps.adapter, MAX_ROOT_KEYS),
  });
}
