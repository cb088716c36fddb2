import type { IncomingMessage } from 'node:http';
import type { PublicErrorCode } from '../../schema/index.js';

/** Why a request was refused before it reached GraphQL; HTTP status per scopes.md §Limits. */
export interface RequestRefusal {
  readonly status: number;
  readonly code: PublicErrorCode;
  readonly message: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** One GraphQL request as read from HTTP: exactly one operation, well-formed. */
export interface GraphqlHttpRequest {
  readonly method: 'GET' | 'POST';
  readonly query: string;
  readonly operationName: string | undefined;
  readonly variables: Record<string, unknown> | undefined;
  /** The parsed JSON body for Apollo (POST only). */
  readonly body: Record<string, unknown> | undefined;
}

export type ShapeResult = { readonly ok: true; readonly request: GraphqlHttpRequest } | { readonly ok: false; readonly refusal: RequestRefusal };

const refuse = (status: number, code: PublicErrorCode, message: string, headers?: Record<string, string>): ShapeResult => ({
  ok: false,
  refusal: { status, code, message, ...(headers ? { headers } : {}) },
});

/** GET and POST only (405 otherwise). */
export function methodGuard(method: string | undefined): RequestRefusal | null {
  return method === 'GET' || method === 'POST' ? null : { status: 405, code: 'BAD_USER_INPUT', message: 'Use POST, or GET for queries', headers: { allow: 'GET, POST' } };
}

/** A POST must say `application/json` (parameters such as charset allowed); anything else, or nothing, is 415. */
export function contentTypeGuard(contentType: string | undefined): RequestRefusal | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json' ? null : { status: 415, code: 'BAD_USER_INPUT', message: 'Content-Type must be application/json' };
}

/**
 * Reads a body of at most `limit` bytes; null when it is larger. An oversized body is drained (up to a cap) rather
 * than cut off, so the client reads the 413 instead of a reset connection.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  const drainCap = Math.max(limit * 10, 1024 * 1024);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = Number.isFinite(declared) && declared > limit;
    let settled = false;
    const settle = (value: Buffer | null) => {
      if (settled) return;
      settled = true;
      resolve(value);
    };
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
      else if (size > drainCap) settle(null);
    });
    req.on('end', () => settle(over ? null : Buffer.concat(chunks)));
    req.on('error', (error) => {
      if (!settled) {
        settled = true;
        reject(error);
      }
    });
  });
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks the GraphQL-over-HTTP fields of a request: a non-empty `query`, object `variables`, string `operationName`. */
export function operationFieldsGuard(fields: { query: unknown; variables: unknown; operationName: unknown }): RequestRefusal | null {
  if (typeof fields.query !== 'string' || fields.query.trim() === '') return { status: 400, code: 'BAD_USER_INPUT', message: 'A non-empty query is required' };
  if (fields.variables !== undefined && fields.variables !== null && !isPlainObject(fields.variables)) {
    return { status: 400, code: 'BAD_USER_INPUT', message: 'variables must be an object' };
  }
  if (fields.operationName !== undefined && fields.operationName !== null && typeof fields.operationName !== 'string') {
    return { status: 400, code: 'BAD_USER_INPUT', message: 'operationName must be a string' };
  }
  return null;
}

/**
 * Reads one GraphQL request from HTTP per scopes.md §Limits: GET or POST (405), POST as `application/json` (415),
 * a body of at most `maxBodyBytes` (413), one JSON object (an array of operations is 400), well-formed fields (400).
 */
export async function readGraphqlRequest(req: IncomingMessage, url: URL, maxBodyBytes: number): Promise<ShapeResult> {
  const badMethod = methodGuard(req.method);
  if (badMethod) return { ok: false, refusal: badMethod };
  if (req.method === 'GET') {
    let variables: unknown;
    const rawVariables = url.searchParams.get('variables');
    if (rawVariables !== null && rawVariables !== '') {
      try {
        variables = JSON.parse(rawVariables);
      } catch {
        return refuse(400, 'BAD_USER_INPUT', 'variables is not valid JSON');
      }
    }
    const fields = { query: url.searchParams.get('query'), variables, operationName: url.searchParams.get('operationName') || undefined };
    const bad = operationFieldsGuard(fields);
    if (bad) return { ok: false, refusal: bad };
    return {
      ok: true,
      request: {
        method: 'GET',
        query: fields.query as string,
        operationName: fields.operationName,
        variables: (variables ?? undefined) as Record<string, unknown> | undefined,
        body: undefined,
      },
    };
  }
  const badType = contentTypeGuard(req.headers['content-type']);
  if (badType) return { ok: false, refusal: badType };
  const raw = await readBody(req, maxBodyBytes);
  if (raw === null) return refuse(413, 'QUERY_TOO_COMPLEX', 'Request body too large', { connection: 'close' });
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return refuse(400, 'BAD_USER_INPUT', 'The body is not valid JSON');
  }
  if (Array.isArray(body)) return refuse(400, 'BAD_USER_INPUT', 'One operation per request');
  if (!isPlainObject(body)) return refuse(400, 'BAD_USER_INPUT', 'The body must be a JSON object');
  const bad = operationFieldsGuard({ query: body.query, variables: body.variables, operationName: body.operationName });
  if (bad) return { ok: false, refusal: bad };
  return {
    ok: true,
    request: {
      method: 'POST',
      query: body.query as string,
      operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
      variables: isPlainObject(body.variables) ? body.variables : undefined,
      // Only these three go on: persisted-query hashes are not accepted, every operation comes as text through the limits.
      body: {
        query: body.query,
        ...(isPlainObject(body.variables) ? { variables: body.variables } : {}),
        ...(typeof body.operationName === 'string' ? { operationName: body.operationName } : {}),
      },
    },
  };
}
