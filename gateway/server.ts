import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError } from 'graphql';
import type { CryptoKey, JSONWebKeySet, KeyObject } from 'jose';
import { describeError, isPublicErrorCode, type Logger } from '../schema/index.js';
import { isAuthError, wwwAuthenticate, type TokenVerifier } from './auth/index.js';
import { createGatewayContext, type GatewayContext } from './context.js';
import type { SubgraphName } from './subgraphs.js';

export interface GatewayServerDeps {
  readonly schema: import('graphql').GraphQLSchema;
  readonly verifier: TokenVerifier;
  readonly internalKey: CryptoKey | KeyObject;
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** Development only: the dev issuer's public keys, served at /.well-known/jwks.json. */
  readonly devJwks?: JSONWebKeySet;
  /** Development only: mock agencies' base URLs, served at /__control/agencies. */
  readonly mockAgencyUrls?: Readonly<Record<string, string>>;
  readonly maxBodyBytes?: number;
  readonly fetch?: typeof fetch;
}

export interface GatewayServer {
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting work: /readyz answers draining, then the server closes. */
  close(): Promise<void>;
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
};

const graphqlError = (res: ServerResponse, status: number, code: string, message: string, requestId: string, headers: Record<string, string> = {}) =>
  json(res, status, { errors: [{ message, extensions: { code, requestId } }] }, headers);

/** Reads a body up to `limit` bytes; null when it is larger. */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) {
        over = true;
        resolve(null);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/**
 * The gateway over HTTP: /graphql (POST JSON; GET for queries), /healthz, /readyz, /metrics, and in
 * development /.well-known/jwks.json and /__control/agencies. Tokens are verified before anything runs.
 */
export async function createGatewayServer(deps: GatewayServerDeps): Promise<GatewayServer> {
  const { logger } = deps;
  const doFetch = deps.fetch ?? fetch;
  const maxBody = deps.maxBodyBytes ?? 100 * 1024;
  let draining = false;
  const metrics = { requests: 0, unauthenticated: 0, errors: 0 };

  const apollo = new ApolloServer<GatewayContext>({
    schema: deps.schema,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    csrfPrevention: false,
    plugins: [ApolloServerPluginLandingPageDisabled()],
    formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
      const code = formatted.extensions?.code;
      const requestId = (formatted.extensions?.requestId as string | undefined) ?? undefined;
      if (isPublicErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
        const extensions: Record<string, unknown> = { code };
        if (formatted.extensions?.source) extensions.source = formatted.extensions.source;
        if (requestId) extensions.requestId = requestId;
        return { message: formatted.message, ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}), extensions };
      }
      metrics.errors++;
      logger.error('masked error', { path: formatted.path, ...describeError(error) });
      return { message: 'Internal server error', ...(formatted.path ? { path: formatted.path } : {}), extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) } };
    },
  });
  await apollo.start();

  async function readiness() {
    const subgraphs: Record<string, 'up' | 'down'> = {};
    await Promise.all(
      Object.entries(deps.subgraphUrls).map(async ([name, url]) => {
        try {
          const res = await doFetch(new URL('/healthz', url), { signal: AbortSignal.timeout(1000) });
          subgraphs[name] = res.ok ? 'up' : 'down';
        } catch {
          subgraphs[name] = 'down';
        }
      }),
    );
    const agencies: Record<string, 'up' | 'down'> = {};
    await Promise.all(
      Object.entries(deps.mockAgencyUrls ?? {}).map(async ([name, url]) => {
        try {
          const res = await doFetch(new URL('/__control/stats', url), { signal: AbortSignal.timeout(1000) });
          agencies[name] = res.ok ? 'up' : 'down';
        } catch {
          agencies[name] = 'down';
        }
      }),
    );
    const allUp = Object.values(subgraphs).every((s) => s === 'up');
    const status = draining ? 'draining' : allUp ? 'ready' : 'unavailable';
    return { status, database: 'up', subgraphs, agencies };
  }

  async function handleGraphql(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) {
    metrics.requests++;
    let caller;
    try {
      caller = await deps.verifier.verify(req.headers.authorization);
    } catch (e) {
      metrics.unauthenticated++;
      const kind = isAuthError(e) ? e.kind : 'invalid';
      if (!isAuthError(e)) logger.error('token verification failed unexpectedly', describeError(e));
      else logger.info('token refused', { requestId, reason: e.reason });
      return graphqlError(res, 401, 'UNAUTHENTICATED', 'A valid access token is required', requestId, { 'www-authenticate': wwwAuthenticate(kind) });
    }
    let body: unknown;
    if (req.method === 'POST') {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json') return graphqlError(res, 415, 'BAD_REQUEST', 'Content-Type must be application/json', requestId);
      const raw = await readBody(req, maxBody);
      if (raw === null) return graphqlError(res, 413, 'BAD_REQUEST', 'Request body too large', requestId);
      try {
        body = JSON.parse(raw);
      } catch {
        return graphqlError(res, 400, 'BAD_REQUEST', 'Body is not valid JSON', requestId);
      }
      if (Array.isArray(body)) return graphqlError(res, 400, 'BAD_REQUEST', 'One operation per request', requestId);
    } else if (req.method !== 'GET') {
      return graphqlError(res, 405, 'BAD_REQUEST', 'Use POST or GET', requestId, { allow: 'GET, POST' });
    }
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const context = createGatewayContext(caller, requestId, deps.internalKey, deps.clock);
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method, headers, search: url.search, body },
      context: async () => context,
    });
    const out: Record<string, string> = { 'x-request-id': requestId };
    for (const [k, v] of result.headers) out[k] = v;
    res.writeHead(result.status ?? 200, out);
    if (result.body.kind === 'complete') return res.end(result.body.string);
    for await (const chunk of result.body.asyncIterator) res.write(chunk);
    res.end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://gateway');
    const requestId = randomUUID();
    switch (url.pathname) {
      case '/healthz':
        return json(res, 200, { status: 'ok' });
      case '/readyz': {
        const r = await readiness();
        return json(res, r.status === 'ready' ? 200 : 503, r);
      }
      case '/metrics':
        res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
        return res.end(
          [
            '# TYPE gateway_requests_total counter',
            `gateway_requests_total ${metrics.requests}`,
            '# TYPE gateway_unauthenticated_total counter',
            `gateway_unauthenticated_total ${metrics.unauthenticated}`,
            '# TYPE gateway_masked_errors_total counter',
            `gateway_masked_errors_total ${metrics.errors}`,
            '',
          ].join('\n'),
        );
      case '/.well-known/jwks.json':
        if (deps.devJwks) return json(res, 200, deps.devJwks);
        break;
      case '/__control/agencies':
        if (deps.mockAgencyUrls) return json(res, 200, deps.mockAgencyUrls);
        break;
      case '/graphql':
        return handleGraphql(req, res, url, requestId);
    }
    return json(res, 404, { error: 'not found' });
  }

  let server: Server | undefined;
  return {
    listen(port, host = '127.0.0.1') {
      server = createServer((req, res) => {
        handle(req, res).catch((e: unknown) => {
          logger.error('request failed', describeError(e));
          if (!res.headersSent) json(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
          else res.end();
        });
      });
      return new Promise((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, host, () => resolve(`http://${host}:${(server!.address() as AddressInfo).port}/graphql`));
      });
    },
    async close() {
      draining = true;
      await new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server?.closeAllConnections(), 5000).unref();
      });
      await apollo.stop();
    },
  };
}
