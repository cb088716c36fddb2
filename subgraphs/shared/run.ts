import { createLogger, type Logger } from '../../schema/index.js';
import type { InternalTrust, SubgraphServer } from './server.js';
import { loadInternalPublicKey, loadSubgraphConfig, type SubgraphConfig } from './config.js';

/** Runs a subgraph process: config from the environment, listen, stop cleanly on SIGTERM/SIGINT. */
export async function runSubgraph(
  name: string,
  agencies: readonly string[],
  build: (config: SubgraphConfig, verifyKey: InternalTrust, logger: Logger) => Promise<SubgraphServer>,
): Promise<void> {
  const logger = createLogger(`subgraph-${name}`);
  try {
    const config = loadSubgraphConfig(process.env, agencies);
    const key = await loadInternalPublicKey(config.internalPublicKeyFile);
    const server = await build(config, { key, maxTtlSeconds: config.internalMaxTtlSeconds }, logger);
    const url = await server.listen(config.port, config.host);
    logger.info('subgraph listening', { url });
    const stop = () => server.close().then(() => process.exit(0), () => process.exit(1));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  } catch (error) {
    logger.error('subgraph failed to start', { message: error instanceof Error ? error.message : String(error) });
    process.exit(1);
  }
}
