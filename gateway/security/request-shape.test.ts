import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { contentTypeGuard, methodGuard, operationFieldsGuard, readBody, readGraphqlRequest } from './request-shape.js';

/** A request stand-in: a readable body with method and headers. */
const request = (method: string, headers: Record<string, string>, body: string | Buffer = ''): IncomingMessage =>
  Object.assign(Readable.from(body.length ? [Buffer.from(body)] : []), { method, headers }) as unknown as IncomingMessage;
const post = (body: string, contentType = 'application/json') => request('POST', { 'content-type': contentType }, body);
const url = (search = '') => new URL(`http://gateway/graphql${search}`);
const refusal = async (p: ReturnType<typeof readGraphqlRequest>) => {
  const r = await p;
  return r.ok ? 'accepted' : { status: r.refusal.status, code: r.refusal.code };
};

describe('methodGuard', () => {
  test('GET and POST only; others 405 with Allow', () => {
    expect(methodGuard('GET')).toBeNull();
    expect(methodGuard('POST')).toBeNull();
    expect(methodGuard('PUT')).toMatchObject({ status: 405, code: 'BAD_USER_INPUT', headers: { allow: 'GET, POST' } });
  });
});

describe('contentTypeGuard', () => {
  test('application/json with any parameters and case; anything else or nothing is 415', () => {
    expect(contentTypeGuard('application/json')).toBeNull();
    expect(contentTypeGuard('Application/JSON; charset=utf-8')).toBeNull();
    for (const t of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x', 'application/graphql', undefined]) {
      expect(contentTypeGuard(t)).toMatchObject({ status: 415, code: 'BAD_USER_INPUT' });
    }
  });
});

describe('readBody', () => {
  test('returns the body up to the limit and null past it, after draining', async () => {
    expect((await readBody(post('x'.repeat(100)), 100))?.length).toBe(100);
    expect(await readBody(post('x'.repeat(101)), 100)).toBeNull();
  });

  test('a declared length over the limit is refused whatever arrives', async () => {
    expect(await readBody(request('POST', { 'content-length': '5000' }, 'tiny'), 100)).toBeNull();
  });
});

describe('operationFieldsGuard', () => {
  test('needs a non-empty query string, an object of variables and a string operationName', () => {
    expect(operationFieldsGuard({ query: '{ a }', variables: { x: 1 }, operationName: 'Q' })).toBeNull();
    expect(operationFieldsGuard({ query: '{ a }', variables: null, operationName: null })).toBeNull();
    for (const bad of [
      { query: undefined, variables: undefined, operationName: undefined },
      { query: '  ', variables: undefined, operationName: undefined },
      { query: 42, variables: undefined, operationName: undefined },
      { query: '{ a }', variables: [1], operationName: undefined },
      { query: '{ a }', variables: '{}', operationName: undefined },
      { query: '{ a }', variables: undefined, operationName: 7 },
    ]) {
      expect(operationFieldsGuard(bad)).toMatchObject({ status: 400, code: 'BAD_USER_INPUT' });
    }
  });
});

describe('readGraphqlRequest', () => {
  test('reads one POSTed operation', async () => {
    const r = await readGraphqlRequest(post(JSON.stringify({ query: '{ a }', variables: { id: '1' }, operationName: null, extensions: { persistedQuery: {} } })), url(), 1000);
    expect(r).toEqual({
      ok: true,
      request: { method: 'POST', query: '{ a }', operationName: undefined, variables: { id: '1' }, body: { query: '{ a }', variables: { id: '1' } } },
    });
  });

  test('reads a GET query from the URL', async () => {
    const search = `?query=${encodeURIComponent('query Q($id: ID) { a(id: $id) }')}&variables=${encodeURIComponent('{"id":"7"}')}&operationName=Q`;
    expect(await readGraphqlRequest(request('GET', {}), url(search), 1000)).toEqual({
      ok: true,
      request: { method: 'GET', query: 'query Q($id: ID) { a(id: $id) }', operationName: 'Q', variables: { id: '7' }, body: undefined },
    });
  });

  test('refuses per scopes.md: 405, 415, 413, array 400, malformed 400', async () => {
    expect(await refusal(readGraphqlRequest(request('DELETE', {}), url(), 1000))).toEqual({ status: 405, code: 'BAD_USER_INPUT' });
    expect(await refusal(readGraphqlRequest(post('query=%7Ba%7D', 'application/x-www-form-urlencoded'), url(), 1000))).toEqual({ status: 415, code: 'BAD_USER_INPUT' });
    expect(await refusal(readGraphqlRequest(post(JSON.stringify({ query: `{ ${'a '.repeat(1000)}}` })), url(), 1000))).toEqual({ status: 413, code: 'QUERY_TOO_COMPLEX' });
    const batch = JSON.stringify(Array.from({ length: 50 }, () => ({ query: '{ a }' })));
    expect(await refusal(readGraphqlRequest(post(batch), url(), 10_000))).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(await refusal(readGraphqlRequest(post('{"query": '), url(), 1000))).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(await refusal(readGraphqlRequest(post('"{ a }"'), url(), 1000))).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(await refusal(readGraphqlRequest(post('{}'), url(), 1000))).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
    expect(await refusal(readGraphqlRequest(request('GET', {}), url('?query=%7Ba%7D&variables=%7Bnope'), 1000))).toEqual({ status: 400, code: 'BAD_USER_INPUT' });
  });
});
