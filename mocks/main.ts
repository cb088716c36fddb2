import { generateDataset, DEFAULT_SCALE, DEFAULT_SEED } from './fixtures/generator.js';
import { vietnamDate } from '../schema/time.js';
import { DEFAULT_MOCK_PORTS, MOCK_AGENCY_NAMES, startMockAgencies, type MockAgencyName } from './index.js';

// Entry point of the mock-agency process (development and tests only): one data set, six agencies.
// MOCK_SCALE, MOCK_SEED, MOCK_REFERENCE_DATE (default today in Asia/Ho_Chi_Minh), MOCK_HOST,
// MOCK_<AGENCY>_PORT (0 = any free port).
const env = process.env;
const started = Date.now();
const scale = env.MOCK_SCALE ? Number(env.MOCK_SCALE) : DEFAULT_SCALE;
const seed = env.MOCK_SEED ? Number(env.MOCK_SEED) : DEFAULT_SEED;
if (!Number.isSafeInteger(scale) || scale < 0 || !Number.isSafeInteger(seed)) {
  process.stderr.write(JSON.stringify({ level: 'error', name: 'mocks', msg: 'MOCK_SCALE and MOCK_SEED must be integers' }) + '\n');
  process.exit(1);
}
const dataset = generateDataset({ seed, scale, referenceDate: env.MOCK_REFERENCE_DATE ?? vietnamDate(new Date()) });
const ports = Object.fromEntries(
  MOCK_AGENCY_NAMES.map((n) => [n, env[`MOCK_${n}_PORT`] !== undefined ? Number(env[`MOCK_${n}_PORT`]) : DEFAULT_MOCK_PORTS[n]]),
) as Record<MockAgencyName, number>;
const agencies = await startMockAgencies(dataset, { host: env.MOCK_HOST ?? '127.0.0.1', ports });
process.stderr.write(
  JSON.stringify({
    t: new Date().toISOString(),
    level: 'info',
    name: 'mocks',
    msg: 'mock agencies listening',
    urls: agencies.urls,
    period: dataset.period,
    scale,
    seed,
    startMs: Date.now() - started,
  }) + '\n',
);
const stop = () => agencies.close().then(() => process.exit(0), () => process.exit(1));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
