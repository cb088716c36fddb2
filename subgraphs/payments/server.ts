import type { Logger } from '../../schema/logger.js';
import { createSubgraphServer, type InternalTrust, type SubgraphServer } from '../shared/server.js';
import { createPaymentsContext, DEFAULT_PAYMENTS_SETTINGS, type PaymentsAdapters, type PaymentsSettings } from './context.js';
import { ReferenceData } from './reference-data.js';
import { buildPaymentsSchema } from './schema.js';

export interface PaymentsSubgraphDeps {
  readonly adapters: PaymentsAdapters;
  readonly verifyKey: InternalTrust;
  readonly clock: () => Date;
  /** How long administrative units and payer organisations are kept (public reference data only). */
  readonly referenceTtlMs: number;
  readonly settings?: Partial<PaymentsSettings>;
  readonly logger?: Logger;
}

/** The payments subgraph, ready to `listen(port)`. */
export async function createPaymentsSubgraph(deps: PaymentsSubgraphDeps): Promise<SubgraphServer> {
  const reference = new ReferenceData(deps.adapters.labor, deps.adapters.payer, deps.referenceTtlMs, deps.clock);
  const settings: PaymentsSettings = Object.freeze({ ...DEFAULT_PAYMENTS_SETTINGS, ...deps.settings });
  return createSubgraphServer({
    name: 'payments',
    schema: await buildPaymentsSchema(),
    verifyKey: deps.verifyKey,
    clock: deps.clock,
    ...(deps.logger ? { logger: deps.logger } : {}),
    createContext: (base) => createPaymentsContext(base, deps.adapters, reference, settings, deps.clock),
  });
}
