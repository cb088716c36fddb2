import { createLogger } from '../schema/index.js';
import { createGateway } from './app.js';
import { loadConfig } from './config.js';

// Entry point of the gateway process: the only place that reads the environment.
const logger = createLogger('gateway');
try {
  const config = loadConfig(process.env);
  const gateway = await createGateway(config, { clock: () => new Date(), logger });
  const url = await gateway.listen(config.port, config.host);
  logger.info('gateway listening', { url, mode: config.mode });
  const stop = (signal: string) => {
    logger.info('stopping', { signal });
    gateway.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
} catch (error) {
  logger.error('gateway failed to start', { message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
