import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultState, parseFault, type Fault } from './fault-control.js';
import { MockHttpError, type GenericFailure } from './mock-http-error.js';

/** Request counts since the last reset, `/__control` routes excluded; routes are named by pattern, never by path. */
export interface MockStats {
  readonly requests: number;
  readonly byRoute: Record<string, number>;
}

/** One request as a mock saw it (route pattern only: paths may hold personal data). */
export interface RecordedRequest {
  readonly route: string;
  readonly correlationId: string | null;
  readonly at: string;
}

/** A running (or ready to run) mock agency. */
export interface MockServer {
  /** Starts listening (127.0.0.1 unless told otherwise; port 0 picks a free port) and resolves to the base URL. */
  listen(port: number, host?: string): Promise<string>;
  /** Stops listening and ends every connection, hanging ones included. */
  close(): Promise<void>;
  stats(): MockStats;
  resetStats(): void;
  /** In-process twin of `PUT` / `DELETE /__control/faults`. */
  setFault(fault: Fault | null): void;
  fault(): Fault | null;
  /** The last requests received (at most 200), oldest first. */
  recentRequests(): readonly RecordedRequest[];
}

export interface MockRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

export interface MockReply {
  readonly status: number;
  readonly body: unknown;
}

export interface MockRoute {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Literal segments and `{param}` segments, e.g. `/api/v1/citizens/{id}`; `citizens:batchGet` is literal. */
  readonly path: string;
  readonly handle: (req: MockRequest) => MockReply;
}

export interface MockServerSpec {
  readonly agency: string;
  readonly routes: readonly MockRoute[];
  /** The agency's own error body for the failures the shared server produces (faults, unknown routes, bad JSON). */
  readonly errorBody: (failure: GenericFailure, message: string) => unknown;
  readonly clock?: () => Date;
  readonly faultSeed?: number;
  readonly maxBodyBytes?: number;
}

const RECENT_MAX = 200;
const CONTROL_PREFIX = '/__control/';

interface CompiledRoute {
  readonly key: string;
  readonly method: string;
  readonly segments: readonly string[];
  readonly handle: MockRoute['handle'];
}

type Match =
  | { readonly kind: 'found'; readonly route: CompiledRoute; readonly params: Record<string, string> }
  | { readonly kind: 'wrong-method' }
  | { readonly kind: 'none' };

function matchRoute(routes: readonly CompiledRoute[], method: string, pathname: string): Match {
  const parts = pathname.split('/');
  let wrongMethod = false;
  for (const r of routes) {
    if (r.segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < parts.length && ok; i++) {
      const seg = r.segments[i] as string;
      const part = parts[i] as string;
      if (seg.startsWith('{') && seg.endsWith('}')) {
        let value: string;
        try {
          value = decodeURIComponent(part);
        } catch {
          ok = false;
          break;
        }
        if (value === '') ok = false;
        else params[seg.slice(1, -1)] = value;
      } else if (seg !== part) ok = false;
    }
    if (!ok) continue;
    if (r.method === method) return { kind: 'found', route: r, params };
    wrongMethod = true;
  }
  return wrongMethod ? { kind: 'wrong-method' } : { kind: 'none' };
}

class BodyTooLarge extends Error {}
class BodyNotJson extends Error {}

function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (failed) return;
      const text = Buffer.concat(chunks).toString('utf8');
      if (text.trim() === '') return resolve(undefined);
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(new BodyNotJson());
      }
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
    });
  });
}

function send(res: ServerResponse, status: number, body: unknown, correlationId: string | null): void {
  if (res.destroyed || res.headersSent) return;
  const text = JSON.stringify(body ?? null);
  const headers: Record<string, string | number> = {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  };
  if (correlationId !== null) headers['x-correlation-id'] = correlationId;
  res.writeHead(status, headers);
  res.end(text);
}

function headerValue(req: IncomingMessage, name: string): string | null {
  const v = req.headers[name];
  if (Array.isArray(v)) return v[0] ?? null;
  return v ?? null;
}

/**
 * A mock agency over node:http: the agency's routes plus the control plane (faults, stats, recent requests).
 * Control routes are never subject to faults and are not counted.
 */
export function createMockServer(spec: MockServerSpec): MockServer {
  const clock = spec.clock ?? (() => new Date());
  const maxBodyBytes = spec.maxBodyBytes ?? 4 * 1024 * 1024;
  const faults = new FaultState(spec.faultSeed ?? 1);
  const routes: CompiledRoute[] = spec.routes.map((r) => ({
    key: `${r.method} ${r.path}`,
    method: r.method,
    segments: r.path.split('/'),
    handle: r.handle,
  }));
  let requests = 0;
  let byRoute: Record<string, number> = {};
  let recent: RecordedRequest[] = [];
  const sleeping = new Set<NodeJS.Timeout>();
  let closed = false;

  const fail = (res: ServerResponse, status: number, failure: GenericFailure, message: string, cid: string | null) =>
    send(res, status, spec.errorBody(failure, message), cid);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        sleeping.delete(t);
        resolve();
      }, ms);
      sleeping.add(t);
    });

  function control(req: IncomingMessage, res: ServerResponse, pathname: string): void {
    const method = req.method ?? 'GET';
    const answer = (status: number, body: unknown) => send(res, status, body, null);
    const key = `${method} ${pathname}`;
    if (key === 'PUT /__control/faults') {
      readJsonBody(req, 64 * 1024).then(
        (body) => {
          const fault = parseFault(body);
          if (typeof fault === 'string') return answer(400, { code: 'INVALID_FAULT', message: fault });
          faults.set(fault);
          answer(200, fault);
        },
        () => answer(400, { code: 'INVALID_FAULT', message: 'body must be JSON' }),
      );
      return;
    }
    // Drain any body so keep-alive connections stay usable.
    req.resume();
    switch (key) {
      case 'GET /__control/faults':
        return answer(200, faults.current ?? { mode: 'none' });
      case 'DELETE /__control/faults':
        faults.set(null);
        return answer(200, { mode: 'none' });
      case 'GET /__control/stats':
        return answer(200, snapshot());
      case 'DELETE /__control/stats':
        reset();
        return answer(200, snapshot());
      case 'GET /__control/requests':
        return answer(200, { requests: recent });
      default:
        return answer(404, { code: 'NO_SUCH_CONTROL', message: 'unknown control route' });
    }
  }

  function snapshot(): MockStats {
    return { requests, byRoute: { ...byRoute } };
  }

  function reset(): void {
    requests = 0;
    byRoute = {};
    recent = [];
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://mock.invalid');
    if (url.pathname.startsWith(CONTROL_PREFIX)) return control(req, res, url.pathname);

    const method = req.method ?? 'GET';
    const cid = headerValue(req, 'x-correlation-id');
    const match = matchRoute(routes, method, url.pathname);
    const routeKey = match.kind === 'found' ? match.route.key : 'UNMATCHED';
    requests += 1;
    byRoute[routeKey] = (byRoute[routeKey] ?? 0) + 1;
    recent.push({ route: routeKey, correlationId: cid, at: clock().toISOString() });
    if (recent.length > RECENT_MAX) recent = recent.slice(-RECENT_MAX);

    const fault = faults.current;
    if (fault) {
      switch (fault.mode) {
        case 'down':
          req.resume();
          return fail(res, 503, 'UNAVAILABLE', 'service unavailable', cid);
        case 'timeout':
          // Never answers; close() ends the socket.
          return;
        case 'flaky':
          if (faults.flakyFails(fault.errorRate)) {
            req.resume();
            return fail(res, 503, 'UNAVAILABLE', 'service unavailable', cid);
          }
          break;
        case 'slow':
          await sleep(fault.latencyMs);
          if (closed) return;
          break;
      }
    }

    if (match.kind === 'none') {
      req.resume();
      return fail(res, 404, 'NOT_FOUND', 'no such route', cid);
    }
    if (match.kind === 'wrong-method') {
      req.resume();
      return fail(res, 405, 'METHOD_NOT_ALLOWED', 'method not allowed', cid);
    }
    let body: unknown;
    try {
      body = await readJsonBody(req, maxBodyBytes);
    } catch (e) {
      if (e instanceof BodyTooLarge) return fail(res, 413, 'PAYLOAD_TOO_LARGE', 'request body too large', cid);
      return fail(res, 400, 'BAD_REQUEST', 'request body is not valid JSON', cid);
    }
    let reply: MockReply;
    try {
      reply = match.route.handle({ params: match.params, query: url.searchParams, body });
    } catch (e) {
      if (e instanceof MockHttpError) return send(res, e.status, e.body, cid);
      return fail(res, 500, 'INTERNAL', 'internal error', cid);
    }
    send(res, reply.status, reply.body, cid);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) fail(res, 500, 'INTERNAL', 'internal error', null);
    });
  });

  return {
    listen(port: number, host = '127.0.0.1') {
      closed = false;
      return new Promise<string>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const addr = server.address() as AddressInfo;
          const h = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
          resolve(`http://${h}:${addr.port}`);
        });
      });
    },
    close() {
      closed = true;
      for (const t of sleeping) clearTimeout(t);
      sleeping.clear();
      return new Promise<void>((resolve, reject) => {
        if (!server.listening) return resolve();
        server.close((e) => (e ? reject(e) : resolve()));
        // Hanging requests (timeout mode) and idle keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      });
    },
    stats: snapshot,
    resetStats: reset,
    setFault: (fault) => faults.set(fault),
    fault: () => faults.current,
    recentRequests: () => [...recent],
  };
}
