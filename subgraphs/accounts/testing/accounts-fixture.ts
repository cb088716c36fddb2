import { createLaborHttpAdapter } from '../../../adapters/labor/index.js';
import { createPayerHttpAdapter, type PayerAdapter } from '../../../adapters/payer/index.js';
import { createPensionHttpAdapter } from '../../../adapters/pension/index.js';
import { createPopulationHttpAdapter } from '../../../adapters/population/index.js';
import { AgencyHttpClient, type AgencyClientConfig } from '../../../adapters/shared/index.js';
import type { Dataset, Scenario, ScenarioName } from '../../../mocks/fixtures/dataset.js';
import { generateDataset } from '../../../mocks/fixtures/generator.js';
import { startMockAgencies, type MockAgencies, type MockAgencyName } from '../../../mocks/index.js';
import type { Principal } from '../../../schema/index.js';
import { createTestTarget, type TestDatabaseTarget } from '../../../storage/testing/test-database.js';
import { InitialImport } from '../initial-import.js';
import { LinkService } from '../link.service.js';
import { OutboxWorker } from '../outbox-worker.js';
import { ProviderDirectory } from '../provider-directory.js';
import { openAccountStore, type AccountStore } from '../store/account.store.js';

/** The reference date of the generated data and the tests' start time (10:00 in Hanoi). */
export const REFERENCE_DATE = '2026-11-15';
export const START = new Date('2026-11-15T03:00:00.000Z');
export const COOLING_OFF_MS = 72 * 3_600_000;
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

const FAST: Omit<AgencyClientConfig, 'baseUrl'> = {
  timeoutMs: 2000,
  retries: 1,
  retryInitialDelayMs: 5,
  retryMaxDelayMs: 20,
  breakerThreshold: 10_000,
  breakerHalfOpenAfterMs: 1000,
};

/** Generated data (small scale) served by the six mocks, real HTTP adapters, and the accounts store on one dialect. */
export interface AccountsFixture {
  readonly dataset: Dataset;
  readonly scenario: (name: ScenarioName) => Scenario;
  readonly mocks: MockAgencies;
  readonly store: AccountStore;
  readonly service: LinkService;
  readonly worker: OutboxWorker;
  readonly importer: InitialImport;
  /** The injected clock reads this; tests move it. */
  now: Date;
  principal(opts?: { areas?: string[]; sub?: string; clientId?: string }): Principal;
  /** Requests a mock received on one route since its stats were last reset. */
  count(agency: MockAgencyName, route: string): number;
  /** Closes the store and opens it again on the same database, with a fresh service and worker (a restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface FixtureOptions {
  readonly dialect: 'sqlite' | 'postgresql';
  readonly label: string;
  /** Wraps the payer adapter (to make an account close between link and effectiveFrom). */
  readonly payer?: (real: PayerAdapter) => PayerAdapter;
}

/** Starts the fixture; `close` undoes everything, the database schema or file included. */
export async function startAccountsFixture(opts: FixtureOptions): Promise<AccountsFixture> {
  const dataset = generateDataset({ referenceDate: REFERENCE_DATE, scale: 100 });
  let target: TestDatabaseTarget | undefined;
  let mocks: MockAgencies | undefined;
  const fixture = {} as AccountsFixture & { now: Date };
  fixture.now = START;
  const clock = () => fixture.now;
  try {
    mocks = await startMockAgencies(dataset, {
      clock,
      ports: { POPULATION: 0, LABOR_REGISTRY: 0, SOCIAL_INSURANCE: 0, TREASURY: 0, BANK: 0, POST: 0 },
    });
    const urls = mocks.urls;
    const client = (agency: MockAgencyName) => new AgencyHttpClient(agency, { ...FAST, baseUrl: urls[agency] });
    const labor = createLaborHttpAdapter(client('LABOR_REGISTRY'));
    const pension = createPensionHttpAdapter(client('SOCIAL_INSURANCE'));
    const population = createPopulationHttpAdapter(client('POPULATION'));
    const realPayer = createPayerHttpAdapter({ bank: client('BANK'), post: client('POST') });
    const payer = opts.payer ? opts.payer(realPayer) : realPayer;
    target = await createTestTarget(opts.dialect, POSTGRES_URL, opts.label);
    const t = target;
    const open = () => openAccountStore({ databaseUrl: t.databaseUrl, sqlitePath: t.sqlitePath, schema: t.schema });
    const providers = new ProviderDirectory(payer, 60_000, clock);
    const build = (store: AccountStore) => {
      Object.assign(fixture, {
        store,
        service: new LinkService({ labor, pension, population, payer, providers, clock, store, coolingOffMs: COOLING_OFF_MS }),
        worker: new OutboxWorker({
          store,
          population,
          labor,
          pension,
          payer,
          clock,
          settings: { pollMs: 50, retryBaseMs: 1000, retryMaxMs: 60_000, batchSize: 100 },
        }),
        importer: new InitialImport({ store, labor, pension, providers, clock, pageSize: 50 }),
      });
    };
    build(await open());
    const m = mocks;
    Object.assign(fixture, {
      dataset,
      mocks: m,
      scenario: (name: ScenarioName) => dataset.scenarios.scenarios[name],
      principal: ({ areas = ['38'], sub = 'officer-1', clientId = 'commune-portal' } = {}): Principal => ({
        subject: sub,
        clientId,
        scopes: ['accounts:read', 'accounts:write'],
        areas,
        requestId: 'test',
      }),
      count: (agency: MockAgencyName, route: string) => m.mocks[agency].stats().byRoute[route] ?? 0,
      async restart() {
        await fixture.worker.stop();
        await fixture.store.close();
        build(await open());
      },
      async close() {
        await fixture.worker?.stop();
        await fixture.store?.close();
        await m.close();
        await t.dispose();
      },
    });
    return fixture;
  } catch (error) {
    await mocks?.close();
    await target?.dispose();
    throw error;
  }
}
