import { readFile } from 'node:fs/promises';
import type { JSONWebKeySet } from 'jose';
import { vietnamDate, type Logger } from '../schema/index.js';
import { openAuditStore } from './audit/index.js';
import { createTokenVerifier, DEV_AUDIENCE, DEV_ISSUER, ensureDevIssuer, ensureInternalKey, TOKEN_VERIFIER_DEFAULTS } from './auth/index.js';
import { composeSupergraph, readSubgraphSdls } from './compose.js';
import type { GatewayConfig } from './config.js';
import type { GatewayContext } from './context.js';
import { createSubgraphExecutor } from './executor.js';
import { ownResolvers } from './own/own.resolvers.js';
import { gatewayOwnTypeDefs } from './own/own.typedefs.js';
import { buildScopeMatrix, type FieldScopeRow } from './own/scope-matrix.js';
import {
  createAuthFailureLimit,
  createClientRateLimit,
  createOperationGuard,
  enforceRootAccess,
  openRateLimitStore,
  redactingLogger,
} from './security/index.js';
import { createGatewayServer, type GatewayServer } from './server.js';
import { buildGatewaySchema } from './stitch.js';
import { SUBGRAPH_SOURCES } from './subgraphs.js';

export interface GatewayRuntime {
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly fetch?: typeof fetch;
}

/** The gateway's composition root: keys, token verifier, composed schema and HTTP server from config. */
export async function createGateway(config: GatewayConfig, rt: GatewayRuntime): Promise<GatewayServer> {
  // Nothing the gateway logs may carry a citizen ID or an account number in clear.
  const logger = redactingLogger(rt.logger);
  const internal = await ensureInternalKey(config.internalKeyDir);
  let jwks: { keys: JSONWebKeySet } | { file: string } | { url: string };
  let devJwks: JSONWebKeySet | undefined;
  if (config.mode === 'development' && !config.token.jwksFile && !config.token.jwksUrl) {
    devJwks = (await ensureDevIssuer(config.dataDir)).jwks;
    jwks = { keys: devJwks };
  } else if (config.token.jwksFile) {
    // Fail at start, not at the first request, when the file is missing.
    await readFile(config.token.jwksFile);
    jwks = { file: config.token.jwksFile };
  } else {
    jwks = { url: config.token.jwksUrl! };
  }
  const verifier = createTokenVerifier(
    {
      ...TOKEN_VERIFIER_DEFAULTS,
      issuer: config.token.issuer ?? DEV_ISSUER,
      audience: config.token.audience ?? DEV_AUDIENCE,
      algorithms: config.token.algorithms,
      jwks,
      clockToleranceSeconds: config.token.clockToleranceSeconds,
      maxTokenAgeSeconds: config.token.maxTokenAgeSeconds,
      jwksCooldownMs: config.token.jwksCooldownMs,
    },
    { clock: rt.clock, ...(rt.fetch ? { fetch: rt.fetch } : {}) },
  );
  const sdls = await readSubgraphSdls(config.schemaDir);
  let matrix: readonly FieldScopeRow[] = [];
  // A gateway that cannot audit must not start: opening fails loudly (and runs the store's migrations).
  const audit = await openAuditStore({ databaseUrl: config.databaseUrl, sqlitePath: config.audit.sqlitePath, schema: config.audit.schema });
  const { schema } = buildGatewaySchema({
    supergraphSdl: composeSupergraph(sdls, config.subgraphUrls),
    executorFor: (name) =>
      createSubgraphExecutor({
        name,
        url: config.subgraphUrls[name],
        sources: SUBGRAPH_SOURCES[name],
        timeoutMs: config.subgraphTimeoutMs,
        ...(rt.fetch ? { fetch: rt.fetch } : {}),
      }),
    today: () => vietnamDate(rt.clock()),
    coverageChunkIds: config.coverageChunkIds,
    extraTypeDefs: [gatewayOwnTypeDefs],
    extraResolvers: [ownResolvers({ scopeMatrix: () => matrix, audit }) as never],
  });
  matrix = buildScopeMatrix(schema);
  enforceRootAccess(schema, (context) => (context as Partial<GatewayContext>).caller);
  const rateStore = openRateLimitStore(
    { redisUrl: config.redisUrl, redisPrefix: config.rateLimit.redisPrefix, redisTimeoutMs: config.rateLimit.redisTimeoutMs, clock: rt.clock },
    (msg, fields) => logger.warn(msg, fields),
  );
  const window = config.rateLimit.windowMs;
  return createGatewayServer({
    schema,
    verifier,
    internalKey: internal.privateKey,
    clock: rt.clock,
    logger,
    subgraphUrls: config.subgraphUrls,
    audit,
    guard: createOperationGuard(config.limits),
    clientRateLimit: createClientRateLimit(rateStore, { limit: config.rateLimit.perClient, windowMs: window }, rt.clock),
    authFailureLimit: createAuthFailureLimit(rateStore, { limit: config.rateLimit.authFailuresPerAddress, windowMs: window }, rt.clock),
    maxBodyBytes: config.limits.maxBodyBytes,
    operationTimeoutMs: config.operationTimeoutMs,
    async onClose() {
      await rateStore.close();
      await audit.close();
    },
    ...(devJwks ? { devJwks } : {}),
    ...(config.mockAgencyUrls ? { mockAgencyUrls: config.mockAgencyUrls } : {}),
    ...(rt.fetch ? { fetch: rt.fetch } : {}),
  });
}
