import type { Dataset } from './fixtures/dataset.js';
import { createLaborMock } from './labor/labor.server.js';
import { createBankMock } from './payer/bank.server.js';
import { createPostMock } from './payer/post.server.js';
import { createPensionMock } from './pension/pension.server.js';
import { createPopulationMock } from './population/population.server.js';
import type { MockServer } from './shared/mock-server.js';
import { createTreasuryMock } from './treasury/treasury.server.js';

export type { Fault } from './shared/fault-control.js';
export type { MockServer, MockStats, RecordedRequest } from './shared/mock-server.js';
export { createPopulationMock, POPULATION_MOCK_MAX_BATCH } from './population/population.server.js';
export { createLaborMock, LABOR_MOCK_MAX_BATCH, LABOR_MOCK_MAX_PAGE } from './labor/labor.server.js';
export { createPensionMock, PENSION_MOCK_MAX_BATCH, PENSION_MOCK_MAX_PAGE } from './pension/pension.server.js';
export { createTreasuryMock, TREASURY_MOCK_MAX_BATCH } from './treasury/treasury.server.js';
export { createBankMock, BANK_MOCK_MAX_BATCH } from './payer/bank.server.js';
export { createPostMock, POST_MOCK_MAX_BATCH } from './payer/post.server.js';

/** The agencies the mocks stand in for. */
export type MockAgencyName = 'POPULATION' | 'LABOR_REGISTRY' | 'SOCIAL_INSURANCE' | 'TREASURY' | 'BANK' | 'POST';

export const MOCK_AGENCY_NAMES: readonly MockAgencyName[] = ['POPULATION', 'LABOR_REGISTRY', 'SOCIAL_INSURANCE', 'TREASURY', 'BANK', 'POST'];

/** Ports `npm start` uses for the mocks. */
export const DEFAULT_MOCK_PORTS: Readonly<Record<MockAgencyName, number>> = Object.freeze({
  POPULATION: 4101,
  LABOR_REGISTRY: 4102,
  SOCIAL_INSURANCE: 4103,
  TREASURY: 4104,
  BANK: 4105,
  POST: 4106,
});

type MockFactory = (data: Dataset, options: { clock?: () => Date; faultSeed?: number }) => MockServer;

const FACTORIES: Readonly<Record<MockAgencyName, MockFactory>> = {
  POPULATION: createPopulationMock,
  LABOR_REGISTRY: createLaborMock,
  SOCIAL_INSURANCE: createPensionMock,
  TREASURY: createTreasuryMock,
  BANK: createBankMock,
  POST: createPostMock,
};

export interface StartMockAgenciesOptions {
  /** Defaults to 127.0.0.1. */
  readonly host?: string;
  /** Per agency; missing ones take DEFAULT_MOCK_PORTS; 0 picks a free port. */
  readonly ports?: Partial<Record<MockAgencyName, number>>;
  readonly clock?: () => Date;
  /** Seed of the flaky-fault PRNG of every mock. */
  readonly faultSeed?: number;
}

export interface MockAgencies {
  readonly urls: Readonly<Record<MockAgencyName, string>>;
  readonly mocks: Readonly<Record<MockAgencyName, MockServer>>;
  close(): Promise<void>;
}

/** Starts all six mock agencies over one data set; if one cannot listen, the others are closed again. */
export async function startMockAgencies(data: Dataset, options: StartMockAgenciesOptions = {}): Promise<MockAgencies> {
  const mocks = Object.fromEntries(
    MOCK_AGENCY_NAMES.map((name) => [name, FACTORIES[name](data, { clock: options.clock, faultSeed: options.faultSeed })]),
  ) as Record<MockAgencyName, MockServer>;
  const closeAll = async () => {
    await Promise.all(MOCK_AGENCY_NAMES.map((name) => mocks[name].close()));
  };
  const started = await Promise.allSettled(
    MOCK_AGENCY_NAMES.map((name) => mocks[name].listen(options.ports?.[name] ?? DEFAULT_MOCK_PORTS[name], options.host)),
  );
  const failure = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) {
    await closeAll();
    throw failure.reason;
  }
  const urls = Object.fromEntries(
    MOCK_AGENCY_NAMES.map((name, i) => [name, (started[i] as PromiseFulfilledResult<string>).value]),
  ) as Record<MockAgencyName, string>;
  return { urls, mocks, close: closeAll };
}
