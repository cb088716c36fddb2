import 'reflect-metadata';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { createLaborHttpAdapter } from '../../adapters/labor/index.js';
import { createPopulationHttpAdapter } from '../../adapters/population/index.js';
import { createPensionHttpAdapter } from '../../adapters/pension/index.js';
import { createPayerHttpAdapter } from '../../adapters/payer/index.js';
import { createTreasuryHttpAdapter } from '../../adapters/treasury/index.js';
import { AgencyHttpClient, type AgencyClientConfig } from '../../adapters/shared/index.js';
import { createGateway } from '../../gateway/app.js';
import { ensureDevIssuer, ensureInternalKey, signDevToken } from '../../gateway/auth/index.js';
import { loadConfig } from '../../gateway/config.js';
import type { SubgraphName } from '../../gateway/subgraphs.js';
import type { Dataset } from '../../mocks/fixtures/dataset.js';
import { startMockAgencies, type MockAgencies } from '../../mocks/index.js';
import { importJWK, type CryptoKey, type JWK } from 'jose';
import { createLogger, mintInternalCredential } from '../../schema/index.js';
import { createLaborSubgraph } from '../../subgraphs/labor/server.js';
import { createPopulationSubgraph } from '../../subgraphs/population/server.js';
import { createPensionSubgraph } from '../../subgraphs/pension/server.js';
import { createPaymentsSubgraph } from '../../subgraphs/payments/server.js';
import { createTreasurySubgraph } from '../../subgraphs/treasury/server.js';
import { createAccountsSubgraph } from '../../subgraphs/accounts/server.js';
import type { SubgraphServer } from '../../subgraphs/shared/server.js';

/** The repository root, whether this runs from the sources (vitest) or from dist/ (benchmarks). */
function repoRoot(): string {
  const here = import.meta.dirname;
  return here.split(sep).includes('dist') ? join(here, '..', '..', '..') : join(here, '..', '..');
}

export interface InProcessStack {
  readonly gatewayUrl: string;
  readonly mocks: MockAgencies;
  readonly subgraphs: Readonly<Record<SubgraphName, SubgraphServer>>;
  /** A dev token the gateway trusts. */
  token(opts: { scope: string; areas: string[]; sub?: string; clientId?: string }): Promise<string>;
  /** POSTs a GraphQL operation with a token; returns status and parsed body. */
  query(token: string | null, query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: any }>;
  /** Each subgraph's GraphQL endpoint (tests that call a subgraph directly). */
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** The dev issuer's private key, for tokens with unusual claims (signDevToken). */
  readonly issuerPrivateJwk: JWK;
  /** An internal credential for one subgraph, as the gateway would mint it (tests that call a subgraph directly). */
  internalCredential(subgraph: SubgraphName, principal: { scopes: string[]; areas: string[] }): Promise<string>;
  /** Another gateway over the same subgraphs and issuer, with extra environment (limits, a shared database…); stopped with the stack. */
  startGateway(env?: Record<string, string>): Promise<{ readonly url: string; close(): Promise<void> }>;
  stop(): Promise<void>;
}

export interface InProcessOptions {
  readonly dataset: Dataset;
  readonly clock?: () => Date;
  /** Shorter agency timeouts etc. for fault tests. */
  readonly agency?: Partial<Omit<AgencyClientConfig, 'baseUrl'>>;
  readonly gatewayEnv?: Record<string, string>;
  /** Where every process of the stack logs (default silent, or stderr with STACK_LOG=1). */
  readonly logSink?: { write(line: string): unknown };
}

const AGENCY_DEFAULTS: Omit<AgencyClientConfig, 'baseUrl'> = {
  timeoutMs: 2000,
  retries: 1,
  retryInitialDelayMs: 10,
  retryMaxDelayMs: 50,
  breakerThreshold: 1000,
  breakerHalfOpenAfterMs: 1000,
};

/**
 * Mock agencies, subgraphs and gateway in this process, each on its own port 0 over real HTTP, for
 * integration tests. The end-to-end tests start the real process tree instead.
 */
export async function startInProcessStack(opts: InProcessOptions): Promise<InProcessStack> {
  const clock = opts.clock ?? (() => new Date());
  const dataDir = await mkdtemp(join(tmpdir(), 'asxh-stack-'));
  const logger = createLogger('test', opts.logSink ?? (process.env.STACK_LOG === '1' ? process.stderr : 'silent'));
  const mocks = await startMockAgencies(opts.dataset, { ports: { POPULATION: 0, LABOR_REGISTRY: 0, SOCIAL_INSURANCE: 0, TREASURY: 0, BANK: 0, POST: 0 } });
  const internal = await ensureInternalKey(dataDir);
  const issuer = await ensureDevIssuer(dataDir);
  const verifyKey = (await importJWK(internal.publicJwk, 'ES256')) as CryptoKey;
  const client = (agency: keyof typeof mocks.urls) =>
    new AgencyHttpClient(agency, { ...AGENCY_DEFAULTS, ...opts.agency, baseUrl: mocks.urls[agency] });
  const subgraphs: Record<SubgraphName, SubgraphServer> = {
    labor: await createLaborSubgraph({ adapter: createLaborHttpAdapter(client('LABOR_REGISTRY')), verifyKey, clock, areaCacheTtlMs: 60_000, logger }),
    population: await createPopulationSubgraph({ adapter: createPopulationHttpAdapter(client('POPULATION')), verifyKey, clock, logger }),
    pension: await createPensionSubgraph({ adapter: createPensionHttpAdapter(client('SOCIAL_INSURANCE')), verifyKey, clock, logger }),
    treasury: await createTreasurySubgraph({ adapter: createTreasuryHttpAdapter(client('TREASURY')), verifyKey, clock, logger }),
    payments: await createPaymentsSubgraph({
      adapters: {
        labor: createLaborHttpAdapter(client('LABOR_REGISTRY')),
        pension: createPensionHttpAdapter(client('SOCIAL_INSURANCE')),
        treasury: createTreasuryHttpAdapter(client('TREASURY')),
        payer: createPayerHttpAdapter({ bank: client('BANK'), post: client('POST') }),
      },
      verifyKey,
      clock,
      referenceTtlMs: 60_000,
      logger,
    }),
    // Links in a SQLite file of this stack's data dir; the initial import runs before the gateway starts.
    accounts: await createAccountsSubgraph({
      labor: createLaborHttpAdapter(client('LABOR_REGISTRY')),
      pension: createPensionHttpAdapter(client('SOCIAL_INSURANCE')),
      population: createPopulationHttpAdapter(client('POPULATION')),
      payer: createPayerHttpAdapter({ bank: client('BANK'), post: client('POST') }),
      verifyKey,
      clock,
      database: { sqlitePath: join(dataDir, 'accounts.sqlite') },
      coolingOffMs: 72 * 3_600_000,
      outbox: { pollMs: 200 },
      logger,
    }),
  };
  const urls = {} as Record<SubgraphName, string>;
  for (const [name, server] of Object.entries(subgraphs)) urls[name as SubgraphName] = await server.listen(0);
  const env: Record<string, string> = {
    GATEWAY_MODE: 'development',
    DATA_DIR: dataDir,
    SCHEMA_DIR: join(repoRoot(), 'schema'),
    MOCK_AGENCY_URLS: JSON.stringify(mocks.urls),
    ...opts.gatewayEnv,
  };
  for (const [name, url] of Object.entries(urls)) env[`SUBGRAPH_${name.toUpperCase()}_URL`] = url;
  const gateway = await createGateway(loadConfig(env), { clock, logger });
  const gatewayUrl = await gateway.listen(0);
  const extraGateways: { close(): Promise<void> }[] = [];
  return {
    gatewayUrl,
    mocks,
    subgraphs,
    subgraphUrls: urls,
    internalCredential: (subgraph, p) =>
      mintInternalCredential(internal.privateKey, { subject: 'test', clientId: 'test', requestId: 'test', ...p }, subgraph, clock()),
    issuerPrivateJwk: issuer.privateJwk,
    async startGateway(extraEnv = {}) {
      const extra = await createGateway(loadConfig({ ...env, ...extraEnv }), { clock, logger });
      extraGateways.push(extra);
      return { url: await extra.listen(0), close: () => extra.close() };
    },
    token: ({ scope, areas, sub, clientId }) =>
      signDevToken(issuer.privateJwk, { now: clock(), scope, areas, ...(sub ? { sub } : {}), ...(clientId ? { clientId } : {}) }),
    async query(token, query, variables) {
      const res = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: await res.json() };
    },
    async stop() {
      await Promise.all(extraGateways.map((g) => g.close().catch(() => undefined)));
      await gateway.close();
      await Promise.all(Object.values(subgraphs).map((s) => s.close()));
      await mocks.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
