import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema } from 'graphql';
import type { CryptoKey, KeyObject } from 'jose';
import { INTERNAL_MAX_TTL_SECONDS, InternalCredentialError, isPublicErrorCode, verifyInternalCredential, type Principal } from '../../schema/index.js';
import type { BaseContext } from './context.js';
import { createLogger, describeError, type Logger } from '../../schema/logger.js';

/**
 * What a subgraph trusts: the gateway's internal public key, optionally with a longer credential lifetime than the
 * 60 s the gateway uses (only for benchmarking another router with a static header: INTERNAL_MAX_TTL_S).
 */
export type InternalTrust = CryptoKey | KeyObject | { readonly key: CryptoKey | KeyObject; readonly maxTtlSeconds: number };

const trustKey = (t: InternalTrust) => ('maxTtlSeconds' in t ? t.key : t);
const trustTtl = (t: InternalTrust) => ('maxTtlSeconds' in t ? t.maxTtlSeconds : INTERNAL_MAX_TTL_SECONDS);

export interface SubgraphServerOptions<C extends BaseContext> {
  /** The subgraph's name: the audience its internal credentials must carry. */
  readonly name: string;
  readonly schema: GraphQLSchema;
  /** The gateway's internal public key. */
  readonly verifyKey: InternalTrust;
  readonly clock: () => Date;
  /** Builds the per-request context (with a fresh DataLoader set) for a verified caller. */
  readonly createContext: (base: BaseContext) => C;
  readonly logger?: Logger;
  readonly maxBodyBytes?: number;
}

export interface SubgraphServer {
  /** Listens on 127.0.0.1 by default; resolves to the GraphQL endpoint URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
  /** Requests served on /graphql since start (401s included). */
  readonly stats: { requests: number };
}

/** The body as text, or null when it is larger than `limit` (read to its end, so a 413 can still be sent). */
const readBody = (req: IncomingMessage, limit: number) =>
  new Promise<string | null>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
};

/**
 * One subgraph over HTTP: POST /graphql only with a valid internal credential from the gateway (401
 * otherwise), GET /healthz, GET /metrics. Errors not on the public allow-list are masked and logged.
 */
export async function createSubgraphServer<C extends BaseContext>(opts: SubgraphServerOptions<C>): Promise<SubgraphServer> {
  const logger = opts.logger ?? createLogger(`subgraph-${opts.name}`);
  const stats = { requests: 0 };
  const apollo = new ApolloServer<C>({
    schema: opts.schema,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: false,
    // The process entry point owns SIGTERM/SIGINT and exits 0 after close(); Apollo would re-raise the signal.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginLandingPageDisabled()],
    formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
      const code = formatted.extensions?.code;
      if (isPublicErrorCode(code) && code !== 'INTERNAL_SERVER_ERROR') {
        if (code === 'SOURCE_UNAVAILABLE') logger.warn('source unavailable', describeError(error));
        return { message: formatted.message, path: formatted.path, locations: formatted.locations, extensions: { ...formatted.extensions } };
      }
      logger.error('resolver error', { path: formatted.path, ...describeError(error) });
      return { message: 'Internal error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    },
  });
  await apollo.start();
  const maxBody = opts.maxBodyBytes ?? 1_000_000;

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://subgraph');
    if (req.method === 'GET' && url.pathname === '/healthz') return send(res, 200, { status: 'ok' });
    if (req.method === 'GET' && url.pathname === '/metrics') {
      res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' });
      return res.end(`# TYPE subgraph_requests_total counter\nsubgraph_requests_total{subgraph="${opts.name}"} ${stats.requests}\n`);
    }
    if (url.pathname !== '/graphql') return send(res, 404, { errors: [{ message: 'Not found' }] });
    stats.requests++;
    if (req.method !== 'POST') return send(res, 405, { errors: [{ message: 'POST only' }] }, { allow: 'POST' });
    const auth = req.headers.authorization ?? '';
    let principal: Principal;
    try {
      if (!auth.startsWith('Bearer ')) throw new InternalCredentialError('no credential');
      principal = await verifyInternalCredential(auth.slice(7), trustKey(opts.verifyKey), opts.name, opts.clock(), trustTtl(opts.verifyKey));
    } catch (e) {
      logger.warn('internal credential refused', { reason: e instanceof Error ? e.message : 'unknown' });
      return send(res, 401, { errors: [{ message: 'Unauthorized', extensions: { code: 'UNAUTHENTICATED' } }] }, { 'www-authenticate': 'Bearer' });
    }
    const raw = await readBody(req, maxBody);
    if (raw === null) return send(res, 413, { errors: [{ message: 'Request body too large' }] });
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return send(res, 400, { errors: [{ message: 'Body is not JSON', extensions: { code: 'BAD_REQUEST' } }] });
    }
    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const requestId = principal.requestId || randomUUID();
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: url.search, body },
      context: async () => opts.createContext({ principal, scopes: new Set(principal.scopes), requestId }),
    });
    const outHeaders: Record<string, string> = {};
    for (const [k, v] of result.headers) outHeaders[k] = v;
    res.writeHead(result.status ?? 200, outHeaders);
    if (result.body.kind === 'complete') res.end(result.body.string);
    else {
      for await (const chunk of result.body.asyncIterator) res.write(chunk);
      res.end();
    }
  };

  let server: Server | undefined;
  return {
    stats,
    listen(port, host = '127.0.0.1') {
      server = createServer((req, res) => {
        handle(req, res).catch((e: unknown) => {
          logger.error('request failed', describeError(e));
          if (!res.headersSent) send(res, 500, { errors: [{ message: 'Internal error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
          else res.end();
        });
      });
      server.keepAliveTimeout = 30_000;
      return new Promise((resolve, reject) => {
        server!.once('error', reject);
        server!.listen(port, host, () => {
          const { port: p } = server!.address() as AddressInfo;
          resolve(`http://${host}:${p}/graphql`);
        });
      });
    },
    async close() {
      await new Promise<void>((resolve) => {
        if (!server) return resolve();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
    },
  };
}
