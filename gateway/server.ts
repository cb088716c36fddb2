import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { GraphQLFormattedError, GraphQLSchema, OperationTypeNode } from 'graphql';
import type { CryptoKey, JSONWebKeySet, KeyObject } from 'jose';
import { describeError, type Logger, type PublicErrorCode } from '../schema/index.js';
import { auditCapturePlugin, auditedCitizenIds, auditOutcome, type AuditEntry, type AuditOperationType, type AuditOutcome, type AuditStore } from './audit/index.js';
import { isAuditFieldError, stripAuditedIds, withAuditedIds } from './audit/audit-selection.js';
import { isAuthError, wwwAuthenticate, type Caller, type TokenVerifier } from './auth/index.js';
import { createGatewayContext, type GatewayContext } from './context.js';
import {
  errorBody,
  errorMaskingPlugin,
  formatPublicError,
  readGraphqlRequest,
  retryAfterSeconds,
  type AuthFailureLimit,
  type ClientRateLimit,
  type OperationAnalysis,
  type OperationGuard,
} from './security/index.js';
import type { SubgraphName } from './subgraphs.js';

export interface GatewayServerDeps {
  readonly schema: GraphQLSchema;
  readonly verifier: TokenVerifier;
  readonly internalKey: CryptoKey | KeyObject;
  readonly clock: () => Date;
  readonly logger: Logger;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  /** Every operation, refused ones included, is appended here before its response is sent. */
  readonly audit: AuditStore;
  /** Document limits and the introspection rule, checked before Apollo parses. */
  readonly guard: OperationGuard;
  readonly clientRateLimit: ClientRateLimit;
  readonly authFailureLimit: AuthFailureLimit;
  readonly maxBodyBytes: number;
  /** Budget of one whole operation; subgraphs still unanswered then degrade to SOURCE_UNAVAILABLE. */
  readonly operationTimeoutMs: number;
  /** Development only: the dev issuer's public keys, served at /.well-known/jwks.json. */
  readonly devJwks?: JSONWebKeySet;
  /** Development only: mock agencies' base URLs, served at /__control/agencies. */
  readonly mockAgencyUrls?: Readonly<Record<string, string>>;
  readonly fetch?: typeof fetch;
  /** Releases what the composition root opened (rate-limit store, audit store), after the server stopped. */
  readonly onClose?: () => Promise<void>;
}

export interface GatewayServer {
  listen(port: number, host?: string): Promise<string>;
  /** Stops accepting work: /readyz answers draining, then the server closes. */
  close(): Promise<void>;
}

/** Who an audit entry names: the verified caller, or `anonymous` for both when there was no valid token. */
interface Who {
  readonly subject: string;
  readonly clientId: string;
}
const ANONYMOUS: Who = Object.freeze({ subject: 'anonymous', clientId: 'anonymous' });

/** What the gateway learned about an operation before answering it. */
interface Operation {
  readonly operationName: string | null;
  readonly operationType: AuditOperationType;
  readonly fields: string[];
  readonly rootKeys: string[];
}
const NO_OPERATION: Operation = Object.freeze({ operationName: null, operationType: 'unknown', fields: [], rootKeys: [] });

const MAX_AUDITED_NAME = 200;
const JSON_TYPE = 'application/json; charset=utf-8';

/** The answer without the audit's own identifier fields (and errors about them alone). */
function withoutAuditFields(body: string): string {
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { path?: (string | number)[] }[] };
    const out: Record<string, unknown> = { ...parsed };
    if (parsed.data !== undefined) out.data = stripAuditedIds(parsed.data);
    if (parsed.errors) {
      const errors = parsed.errors.filter((e) => !isAuditFieldError(e));
      if (errors.length) out.errors = errors;
      else delete out.errors;
    }
    return JSON.stringify(out);
  } catch {
    return body;
  }
}

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  res.writeHead(status, { 'content-type': JSON_TYPE, ...headers });
  res.end(JSON.stringify(body));
};

/**
 * The gateway over HTTP: /graphql (POST JSON; GET for queries), /healthz, /readyz, /metrics, and in development
 * /.well-known/jwks.json and /__control/agencies. Per request, in this order: failed-authentication throttle per
 * address, token, per-client rate limit, request shape (method, type, size, one operation), document limits and
 * introspection rule, then execution; whatever the answer, it is audited before it is sent.
 */
export async function createGatewayServer(deps: GatewayServerDeps): Promise<GatewayServer> {
  const { logger } = deps;
  const doFetch = deps.fetch ?? fetch;
  let draining = false;
  const metrics = { requests: 0, unauthenticated: 0, rateLimited: 0, refused: 0, masked: 0, auditFailures: 0 };

  const apollo = new ApolloServer<GatewayContext>({
    schema: deps.schema,
    includeStacktraceInErrorResponses: false,
    // Strips "Did you mean …" suggestions from validation errors.
    hideSchemaDetailsFromClientErrors: true,
    csrfPrevention: false,
    // Every operation must come as text, through the document limits; introspection is gated by the guard.
    persistedQueries: false,
    introspection: true,
    plugins: [ApolloServerPluginLandingPageDisabled(), errorMaskingPlugin(logger, () => metrics.masked++), auditCapturePlugin()],
    formatError: formatPublicError,
  });
  await apollo.start();

  async function readiness() {
    const subgraphs: Record<string, 'up' | 'down'> = {};
    const agencies: Record<string, 'up' | 'down'> = {};
    const probe = async (into: Record<string, 'up' | 'down'>, name: string, url: URL) => {
      try {
        const res = await doFetch(url, { signal: AbortSignal.timeout(1000) });
        into[name] = res.ok ? 'up' : 'down';
      } catch {
        into[name] = 'down';
      }
    };
    const [databaseUp] = await Promise.all([
      deps.audit.ping().catch(() => false),
      ...Object.entries(deps.subgraphUrls).map(([name, url]) => probe(subgraphs, name, new URL('/healthz', url))),
      ...Object.entries(deps.mockAgencyUrls ?? {}).map(([name, url]) => probe(agencies, name, new URL('/__control/stats', url))),
    ]);
    const allUp = databaseUp && Object.values(subgraphs).every((s) => s === 'up');
    const status = draining ? 'draining' : allUp ? 'ready' : 'unavailable';
    return { status, database: databaseUp ? 'up' : 'down', subgraphs, agencies };
  }

  /** Appends the audit entry, then sends; an answer that cannot be audited is not sent (503 instead). */
  async function answer(
    res: ServerResponse,
    requestId: string,
    status: number,
    body: string,
    headers: Record<string, string>,
    entry: { who: Who; operation: Operation; citizenIds: string[]; outcome: AuditOutcome },
  ) {
    try {
      await deps.audit.append({
        at: deps.clock(),
        subject: entry.who.subject,
        clientId: entry.who.clientId,
        operationName: entry.operation.operationName,
        operationType: entry.operation.operationType,
        fields: entry.operation.fields,
        citizenIds: entry.citizenIds,
        outcome: entry.outcome,
        requestId,
      } satisfies AuditEntry);
    } catch (error) {
      metrics.auditFailures++;
      logger.error('audit append failed; answer withheld', { requestId, ...describeError(error) });
      status = 503;
      body = JSON.stringify(errorBody('INTERNAL_SERVER_ERROR', requestId));
      headers = { 'retry-after': '1' };
    }
    res.writeHead(status, { 'content-type': JSON_TYPE, ...headers, 'x-request-id': requestId });
    res.end(body);
  }

  /** An answer the gateway gives itself, before any execution. */
  function refuse(
    res: ServerResponse,
    requestId: string,
    status: number,
    code: PublicErrorCode,
    who: Who,
    operation: Operation,
    opts: { message?: string; headers?: Record<string, string>; outcome?: AuditOutcome } = {},
  ) {
    metrics.refused++;
    const body = JSON.stringify(errorBody(code, requestId, opts.message));
    const outcome = opts.outcome ?? auditOutcome({ status, errors: [{ extensions: { code } }], rootKeys: [] });
    return answer(res, requestId, status, body, opts.headers ?? {}, { who, operation, citizenIds: [], outcome });
  }

  function operationOf(analysis: OperationAnalysis, requested: string | undefined): Operation {
    const named = analysis.kind === 'parse_failed' ? null : analysis.operationName;
    const name = (named ?? requested)?.slice(0, MAX_AUDITED_NAME) ?? null;
    if (analysis.kind === 'parse_failed' || analysis.operationType === null) return { ...NO_OPERATION, operationName: name };
    const root = deps.schema.getRootType(analysis.operationType as OperationTypeNode);
    const rootName = root?.name ?? analysis.operationType[0]!.toUpperCase() + analysis.operationType.slice(1);
    const fields = new Set<string>();
    const rootKeys: string[] = [];
    for (const f of analysis.rootFields) {
      if (f.fieldName === '__typename') continue;
      rootKeys.push(f.responseKey);
      if (f.fieldName.startsWith('__') || root?.getFields()[f.fieldName]) fields.add(`${rootName}.${f.fieldName}`);
    }
    return { operationName: name, operationType: analysis.operationType, fields: [...fields], rootKeys };
  }

  async function handleGraphql(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) {
    metrics.requests++;
    const address = req.socket.remoteAddress ?? 'unknown';

    const throttle = await deps.authFailureLimit.check(address);
    if (!throttle.allowed) {
      metrics.rateLimited++;
      logger.warn('address throttled after failed authentications', { requestId });
      return refuse(res, requestId, 429, 'RATE_LIMITED', ANONYMOUS, NO_OPERATION, { headers: { 'retry-after': retryAfterSeconds(throttle) } });
    }

    let caller: Caller;
    try {
      caller = await deps.verifier.verify(req.headers.authorization);
    } catch (e) {
      metrics.unauthenticated++;
      const kind = isAuthError(e) ? e.kind : 'invalid';
      if (!isAuthError(e)) logger.error('token verification failed unexpectedly', { requestId, ...describeError(e) });
      else logger.info('token refused', { requestId, reason: e.reason });
      await deps.authFailureLimit.recordFailure(address);
      return refuse(res, requestId, 401, 'UNAUTHENTICATED', ANONYMOUS, NO_OPERATION, { headers: { 'www-authenticate': wwwAuthenticate(kind) } });
    }
    const who: Who = { subject: caller.subject, clientId: caller.clientId };

    const decision = await deps.clientRateLimit.acquire(caller.clientId);
    if (!decision.allowed) {
      metrics.rateLimited++;
      return refuse(res, requestId, 429, 'RATE_LIMITED', who, NO_OPERATION, { headers: { 'retry-after': retryAfterSeconds(decision) } });
    }

    const shaped = await readGraphqlRequest(req, url, deps.maxBodyBytes);
    if (!shaped.ok) {
      const { status, code, message, headers } = shaped.refusal;
      return refuse(res, requestId, status, code, who, NO_OPERATION, { message, ...(headers ? { headers } : {}), outcome: 'ERROR' });
    }
    const request = shaped.request;
    const analysis = deps.guard.analyze({ query: request.query, operationName: request.operationName, introspectionAllowed: caller.scopes.has('audit:read') });
    const operation = operationOf(analysis, request.operationName);
    switch (analysis.kind) {
      case 'parse_failed':
        return refuse(res, requestId, 400, 'GRAPHQL_PARSE_FAILED', who, operation, { message: analysis.message, outcome: 'ERROR' });
      case 'too_complex':
        logger.info('operation too complex', { requestId, limit: analysis.violation.limit, max: analysis.violation.max, actual: analysis.violation.actual });
        return refuse(res, requestId, 400, 'QUERY_TOO_COMPLEX', who, operation, { outcome: 'ERROR' });
      case 'introspection_forbidden': {
        // As if the non-null `__schema` field had failed: data null, FORBIDDEN at its path, nothing executed.
        const body = { data: null, ...errorBody('FORBIDDEN', requestId, 'Introspection needs the audit:read scope', [analysis.responseKey]) };
        metrics.refused++;
        return answer(res, requestId, 200, JSON.stringify(body), {}, { who, operation, citizenIds: [], outcome: 'DENIED' });
      }
      case 'ok':
        break;
    }
    if (request.method === 'GET' && analysis.operationType !== null && analysis.operationType !== 'query') {
      return refuse(res, requestId, 405, 'BAD_USER_INPUT', who, operation, { message: 'Mutations need POST', headers: { allow: 'POST' }, outcome: 'ERROR' });
    }

    const headers = new HeaderMap();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const context = createGatewayContext(caller, requestId, deps.internalKey, deps.clock, deps.operationTimeoutMs);
    // Every object carrying personal data also returns its person's ID, so the audit records whose data was
    // shown even when the client did not ask for IDs; the added fields are stripped from the answer below.
    const audited = withAuditedIds(request.query, deps.schema);
    let search = url.search;
    let httpBody = request.body;
    if (request.method === 'GET') {
      const params = new URLSearchParams(url.search);
      params.set('query', audited);
      search = `?${params.toString()}`;
    } else if (httpBody && typeof httpBody === 'object') httpBody = { ...(httpBody as Record<string, unknown>), query: audited };
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: request.method, headers, search, body: httpBody },
      context: async () => context,
    });
    let status = result.status ?? 200;
    let body: string;
    if (result.body.kind === 'complete') body = result.body.string;
    else {
      let text = '';
      for await (const chunk of result.body.asyncIterator) text += chunk;
      body = text;
    }
    const out: Record<string, string> = {};
    // The body may be rewritten below, so its length is left to Node.
    for (const [k, v] of result.headers) if (k !== 'content-length') out[k] = v;
    const capture = context.capture;
    if (capture.errors === undefined && capture.data === undefined && status >= 400) {
      // Refused by Apollo before its request pipeline (so before the plugins): stamp the request id here.
      try {
        // Those errors went through formatError already; only the request id is missing.
        const parsed = JSON.parse(body) as { errors?: GraphQLFormattedError[] };
        capture.errors = (parsed.errors ?? []).map((e) => ({ ...e, extensions: { ...e.extensions, requestId } }));
        body = JSON.stringify({ ...parsed, errors: capture.errors });
      } catch {
        // Not JSON: handled just below.
      }
    }
    if (!(out['content-type'] ?? '').startsWith('application/json')) {
      // Apollo answers some malformed requests in plain text before any plugin runs; clients get the contract's shape.
      logger.info('request refused by Apollo', { requestId, status });
      status = status >= 400 && status < 500 ? status : 400;
      body = JSON.stringify(errorBody('BAD_USER_INPUT', requestId));
      capture.errors = [{ message: '', extensions: { code: 'BAD_USER_INPUT' } }];
      delete out['content-type'];
    }
    if (capture.data !== undefined || capture.errors !== undefined) body = withoutAuditFields(body);
    const fromApollo: Operation = { ...operation, operationType: capture.operationType ?? operation.operationType };
    const citizenIds = capture.document
      ? auditedCitizenIds({ schema: deps.schema, document: capture.document, operationName: capture.operationName, variables: capture.variables, data: capture.data })
      : [];
    const outcome = auditOutcome({ status, data: capture.data, errors: capture.errors, rootKeys: operation.rootKeys });
    return answer(res, requestId, status, body, out, { who, operation: fromApollo, citizenIds, outcome });
  }

  async function handle(req: IncomingMessage, res: ServerResponse, requestId: string) {
    const url = new URL(req.url ?? '/', 'http://gateway');
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
            ['gateway_requests_total', metrics.requests],
            ['gateway_unauthenticated_total', metrics.unauthenticated],
            ['gateway_rate_limited_total', metrics.rateLimited],
            ['gateway_refused_total', metrics.refused],
            ['gateway_masked_errors_total', metrics.masked],
            ['gateway_audit_failures_total', metrics.auditFailures],
          ]
            .flatMap(([name, value]) => [`# TYPE ${name} counter`, `${name} ${value}`])
            .join('\n') + '\n',
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
        const requestId = randomUUID();
        handle(req, res, requestId).catch(async (e: unknown) => {
          logger.error('request failed', { requestId, ...describeError(e) });
          if (res.headersSent) return void res.end();
          await answer(res, requestId, 500, JSON.stringify(errorBody('INTERNAL_SERVER_ERROR', requestId)), {}, {
            who: ANONYMOUS,
            operation: NO_OPERATION,
            citizenIds: [],
            outcome: 'ERROR',
          }).catch(() => res.end());
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
      await deps.onClose?.();
    },
  };
}
