import 'reflect-metadata';
import { createLaborHttpAdapter } from '../../adapters/labor/index.js';
import { createPayerHttpAdapter } from '../../adapters/payer/index.js';
import { createPensionHttpAdapter } from '../../adapters/pension/index.js';
import { createTreasuryHttpAdapter } from '../../adapters/treasury/index.js';
import { agencyClient } from '../shared/config.js';
import { runSubgraph } from '../shared/run.js';
import { DEFAULT_PAYMENTS_SETTINGS } from './context.js';
import { createPaymentsSubgraph } from './server.js';

const AGENCIES = ['LABOR_REGISTRY', 'SOCIAL_INSURANCE', 'TREASURY', 'BANK', 'POST'] as const;

/** A whole number from the environment, or the default; a malformed value stops the process at start. */
function intEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

// Entry point of the payments subgraph process (LABOR_REGISTRY_URL, SOCIAL_INSURANCE_URL, TREASURY_URL, BANK_URL,
// POST_URL, PORT, INTERNAL_PUBLIC_KEY_FILE; REPORT_DUE_DAY, PAYMENT_HISTORY_MONTHS, PROVINCE_FETCH_THRESHOLD,
// REFERENCE_CACHE_TTL_MS).
await runSubgraph('payments', AGENCIES, async (config, verifyKey, logger) =>
  createPaymentsSubgraph({
    adapters: {
      labor: createLaborHttpAdapter(agencyClient('LABOR_REGISTRY', config.agencies.LABOR_REGISTRY!)),
      pension: createPensionHttpAdapter(agencyClient('SOCIAL_INSURANCE', config.agencies.SOCIAL_INSURANCE!)),
      treasury: createTreasuryHttpAdapter(agencyClient('TREASURY', config.agencies.TREASURY!)),
      payer: createPayerHttpAdapter({
        bank: agencyClient('BANK', config.agencies.BANK!),
        post: agencyClient('POST', config.agencies.POST!),
      }),
    },
    verifyKey,
    clock: () => new Date(),
    referenceTtlMs: intEnv('REFERENCE_CACHE_TTL_MS', 3_600_000, 0, 86_400_000),
    settings: {
      reportDueDay: intEnv('REPORT_DUE_DAY', DEFAULT_PAYMENTS_SETTINGS.reportDueDay, 1, 31),
      historyMonths: intEnv('PAYMENT_HISTORY_MONTHS', DEFAULT_PAYMENTS_SETTINGS.historyMonths, 1, 120),
      provinceFetchThreshold: intEnv('PROVINCE_FETCH_THRESHOLD', DEFAULT_PAYMENTS_SETTINGS.provinceFetchThreshold, 0, 10_000),
    },
    logger,
  }),
);
