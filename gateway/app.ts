import { readFile } from 'node:fs/promises';
import type { JSONWebKeySet } from 'jose';
import { vietnamDate, type Logger } from '../schema/index.js';
import { createTokenVerifier, DEV_AUDIENCE, DEV_ISSUER, ensureDevIssuer, ensureInternalKey, TOKEN_VERIFIER_DEFAULTS } from './auth/index.js';
import { composeSupergraph, readSubgraphSdls } from './compose.js';
import type { GatewayConfig } from './config.js';
import { createSubgraphExecutor } from './executor.js';
import { ownResolvers } from './own/own.resolvers.js';
import { gatewayOwnTypeDefs } from './own/own.typedefs.js';
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
    extraTypeDefs: [gatewayOwnTypeDefs],
    extraResolvers: [ownResolvers() as never],
  });
  return createGatewayServer({
    schema,
    verifier,
    internalKey: internal.privateKey,
    clock: rt.clock,
    logger: rt.logger,
    subgraphUrls: config.subgraphUrls,
    ...(devJwks ? { devJwks } : {}),
    ...(config.mockAgencyUrls ? { mockAgencyUrls: config.mockAgencyUrls } : {}),
    ...(rt.fetch ? { fetch: rt.fetch } : {}),
  });
}
