import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError } from './auth-error.js';
import { DEV_AUDIENCE, DEV_ISSUER, signDevToken } from './dev-issuer.js';
import { createTokenVerifier, TOKEN_VERIFIER_DEFAULTS, type TokenVerifierConfig } from './token-verifier.js';

const NOW = new Date('2026-11-15T03:00:00.000Z');
const COOLDOWN_MS = 30_000;

interface TestKey {
  readonly privateKey: CryptoKey;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

async function makeKey(kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    privateKey,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
  };
}

async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof AuthError) return { kind: error.kind, reason: error.reason };
    return { escaped: error };
  }
}

/** A stand-in for the issuer (and the attacker): serves JSON per path and counts every request. */
interface JwksServer {
  readonly base: string;
  readonly hits: Map<string, number>;
  routes: Map<string, { status: number; body: string; headers?: Record<string, string> } | 'hang'>;
  close(): Promise<void>;
}

async function startServer(): Promise<JwksServer> {
  const hits = new Map<string, number>();
  const state: Pick<JwksServer, 'routes'> = { routes: new Map() };
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = state.routes.get(path);
    if (route === 'hang') return;
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(route.status, { 'content-type': 'application/json', ...route.headers }).end(route.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    base: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

const json = (value: unknown) => ({ status: 200, body: JSON.stringify(value) });

let legit: TestKey;
let rotated: TestKey;
let attacker: TestKey;
let server: JwksServer;

beforeAll(async () => {
  [legit, rotated, attacker] = await Promise.all([makeKey('legit-1'), makeKey('legit-2'), makeKey('attacker-1')]);
  server = await startServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.hits.clear();
  server.routes = new Map([
    ['/jwks.json', json({ keys: [legit.publicJwk] })],
    ['/attacker.json', json({ keys: [attacker.publicJwk] })],
    ['/attacker.pem', { status: 200, body: '-----BEGIN CERTIFICATE-----' }],
  ]);
});

const config = (overrides: Partial<TokenVerifierConfig> = {}): TokenVerifierConfig => ({
  ...TOKEN_VERIFIER_DEFAULTS,
  issuer: DEV_ISSUER,
  audience: DEV_AUDIENCE,
  jwks: { url: `${server.base}/jwks.json` },
  jwksCooldownMs: COOLDOWN_MS,
  ...overrides,
});

const tokenBy = (key: TestKey, now: Date) => signDevToken(key.privateJwk, { now, scope: 'beneficiary:read', areas: ['38'] });
const bearer = (token: string) => `Bearer ${token}`;
const times = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('row 4: unknown kids against a URL JWKS', () => {
  it('refetches at most once per cooldown, in parallel and in sequence', async () => {
    let now = NOW;
    const verifier = createTokenVerifier(config(), { clock: () => now });
    const unknown = bearer(await tokenBy(attacker, now));

    // 100 first requests at once share one initial fetch.
    const first = await Promise.all(times(100).map(() => outcome(verifier.verify(unknown))));
    expect(first).toEqual(times(100).map(() => ({ kind: 'invalid', reason: 'unknown_key' })));
    expect(server.hits.get('/jwks.json')).toBe(1);

    for (const _ of times(100)) expect(await outcome(verifier.verify(unknown))).toEqual({ kind: 'invalid', reason: 'unknown_key' });
    expect(server.hits.get('/jwks.json')).toBe(1);

    now = new Date(NOW.getTime() + COOLDOWN_MS);
    const parallel = await Promise.all(times(100).map(() => outcome(verifier.verify(unknown))));
    expect(parallel).toEqual(times(100).map(() => ({ kind: 'invalid', reason: 'unknown_key' })));
    expect(server.hits.get('/jwks.json')).toBe(2);

    now = new Date(NOW.getTime() + 2 * COOLDOWN_MS - 1);
    for (const _ of times(100)) expect(await outcome(verifier.verify(unknown))).toEqual({ kind: 'invalid', reason: 'unknown_key' });
    expect(server.hits.get('/jwks.json')).toBe(2);

    now = new Date(NOW.getTime() + 2 * COOLDOWN_MS);
    for (const _ of times(100)) expect(await outcome(verifier.verify(unknown))).toEqual({ kind: 'invalid', reason: 'unknown_key' });
    expect(server.hits.get('/jwks.json')).toBe(3);
    expect([...server.hits.keys()]).toEqual(['/jwks.json']);
  });

  it('picks up a rotated key on the first unknown kid after the cooldown', async () => {
    let now = NOW;
    const verifier = createTokenVerifier(config(), { clock: () => now });
    expect(await outcome(verifier.verify(bearer(await tokenBy(legit, now))))).toBe('accepted');
    server.routes.set('/jwks.json', json({ keys: [legit.publicJwk, rotated.publicJwk] }));
    expect(await outcome(verifier.verify(bearer(await tokenBy(rotated, now))))).toEqual({ kind: 'invalid', reason: 'unknown_key' });
    now = new Date(NOW.getTime() + COOLDOWN_MS);
    expect(await outcome(verifier.verify(bearer(await tokenBy(rotated, now))))).toBe('accepted');
    expect(await outcome(verifier.verify(bearer(await tokenBy(legit, now))))).toBe('accepted');
    expect(server.hits.get('/jwks.json')).toBe(2);
  });

  it('reloads after the maximum age, so a retired key stops working', async () => {
    let now = NOW;
    const verifier = createTokenVerifier(config({ jwksMaxAgeMs: 600_000 }), { clock: () => now });
    expect(await outcome(verifier.verify(bearer(await tokenBy(legit, now))))).toBe('accepted');
    server.routes.set('/jwks.json', json({ keys: [rotated.publicJwk] }));
    now = new Date(NOW.getTime() + 600_000);
    expect(await outcome(verifier.verify(bearer(await tokenBy(legit, now))))).toEqual({ kind: 'invalid', reason: 'unknown_key' });
    expect(await outcome(verifier.verify(bearer(await tokenBy(rotated, now))))).toBe('accepted');
    expect(server.hits.get('/jwks.json')).toBe(2);
  });

  it('keeps serving the keys it has while the issuer is down', async () => {
    let now = NOW;
    const verifier = createTokenVerifier(config({ jwksMaxAgeMs: 600_000 }), { clock: () => now });
    expect(await outcome(verifier.verify(bearer(await tokenBy(legit, now))))).toBe('accepted');
    server.routes.set('/jwks.json', { status: 503, body: '' });
    now = new Date(NOW.getTime() + 600_000);
    expect(await outcome(verifier.verify(bearer(await tokenBy(legit, now))))).toBe('accepted');
    expect(server.hits.get('/jwks.json')).toBe(2);
  });
});

describe('row 5: an injection kid against a URL JWKS', () => {
  it('is invalid and only the configured URL is ever requested', async () => {
    let now = NOW;
    const verifier = createTokenVerifier(config({ jwksCooldownMs: 0 }), { clock: () => now });
    const token = await new SignJWT({ ...claims(now) })
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', kid: "../attacker.json?' OR 1=1--" })
      .sign(attacker.privateKey);
    expect(await outcome(verifier.verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'unknown_key' });
    now = new Date(NOW.getTime() + 1);
    expect(await outcome(verifier.verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'unknown_key' });
    // With no cooldown: the first load, then one refresh per refused token, all of the configured URL.
    expect([...server.hits.entries()]).toEqual([['/jwks.json', 3]]);
  });
});

const claims = (now: Date) => {
  const iat = Math.floor(now.getTime() / 1000);
  return { iss: DEV_ISSUER, aud: DEV_AUDIENCE, sub: 'mallory', client_id: 'evil', scope: 'audit:read', areas: ['*'], jti: 'x', iat, exp: iat + 600 };
};

describe('row 6: key-locating headers point at the attacker', () => {
  const cases: Array<[string, (base: string) => Record<string, unknown>, string]> = [
    ['jku with the attacker kid', (base) => ({ kid: 'attacker-1', jku: `${base}/attacker.json` }), 'unknown_key'],
    ['jku with the legit kid', (base) => ({ kid: 'legit-1', jku: `${base}/attacker.json` }), 'bad_signature'],
    ['x5u with the attacker kid', (base) => ({ kid: 'attacker-1', x5u: `${base}/attacker.pem` }), 'unknown_key'],
    ['x5u without a kid', (base) => ({ x5u: `${base}/attacker.pem` }), 'bad_signature'],
    ['embedded jwk with the attacker kid', () => ({ kid: 'attacker-1', jwk: attacker.publicJwk }), 'unknown_key'],
    ['embedded jwk without a kid', () => ({ jwk: attacker.publicJwk }), 'bad_signature'],
    ['all three at once', (base) => ({ jku: `${base}/attacker.json`, x5u: `${base}/attacker.pem`, jwk: attacker.publicJwk }), 'bad_signature'],
  ];

  it.each(cases)('%s is invalid and the attacker URL is never fetched', async (_, header, reason) => {
    const verifier = createTokenVerifier(config({ jwksCooldownMs: 0 }), { clock: () => NOW });
    const token = await new SignJWT(claims(NOW))
      .setProtectedHeader({ alg: 'ES256', typ: 'at+jwt', ...header(server.base) })
      .sign(attacker.privateKey);
    expect(await outcome(verifier.verify(bearer(token)))).toEqual({ kind: 'invalid', reason });
    expect(server.hits.get('/attacker.json')).toBeUndefined();
    expect(server.hits.get('/attacker.pem')).toBeUndefined();
  });
});

describe('an unusable JWKS URL', () => {
  it.each<[string, Parameters<JwksServer['routes']['set']>[1]]>([
    ['HTTP 500', { status: 500, body: '' }],
    ['not JSON', { status: 200, body: '<html>' }],
    ['no keys array', json({ keys: 'none' })],
    ['a symmetric key', json({ keys: [{ kty: 'oct', k: 'c2VjcmV0', kid: 'legit-1' }] })],
    ['a private key', json({ keys: [{ kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd', kid: 'legit-1' }] })],
    ['a redirect to the attacker', { status: 302, body: '', headers: { location: '/attacker.json' } }],
  ])('%s gives jwks_unavailable', async (_, route) => {
    server.routes.set('/jwks.json', route);
    const verifier = createTokenVerifier(config(), { clock: () => NOW });
    expect(await outcome(verifier.verify(bearer(await tokenBy(legit, NOW))))).toEqual({ kind: 'invalid', reason: 'jwks_unavailable' });
    expect(server.hits.get('/attacker.json')).toBeUndefined();
  });

  it('a JWKS that never answers times out as jwks_unavailable', async () => {
    server.routes.set('/jwks.json', 'hang');
    const verifier = createTokenVerifier(config({ jwksTimeoutMs: 200 }), { clock: () => NOW });
    expect(await outcome(verifier.verify(bearer(await tokenBy(legit, NOW))))).toEqual({ kind: 'invalid', reason: 'jwks_unavailable' });
  });

  it('after a failed first load, retries only once the cooldown has passed', async () => {
    let now = NOW;
    server.routes.set('/jwks.json', { status: 503, body: '' });
    const verifier = createTokenVerifier(config(), { clock: () => now });
    const token = bearer(await tokenBy(legit, now));
    expect(await outcome(verifier.verify(token))).toEqual({ kind: 'invalid', reason: 'jwks_unavailable' });
    server.routes.set('/jwks.json', json({ keys: [legit.publicJwk] }));
    expect(await outcome(verifier.verify(token))).toEqual({ kind: 'invalid', reason: 'jwks_unavailable' });
    now = new Date(NOW.getTime() + COOLDOWN_MS);
    expect(await outcome(verifier.verify(token))).toBe('accepted');
    expect(server.hits.get('/jwks.json')).toBe(2);
  });
});
