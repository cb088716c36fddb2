import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { base64url, exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthError } from './auth-error.js';
import { DEV_AUDIENCE, DEV_ISSUER, signDevToken, type DevTokenOptions } from './dev-issuer.js';
import { createTokenVerifier, TOKEN_VERIFIER_DEFAULTS, type TokenVerifierConfig } from './token-verifier.js';

const NOW = new Date('2026-11-15T03:00:00.000Z');
const NOW_S = NOW.getTime() / 1000;
const clock = (): Date => NOW;

interface TestKey {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  readonly privateJwk: JWK;
  readonly publicJwk: JWK;
}

async function makeKey(kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    privateKey,
    publicKey,
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: 'ES256' },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' },
  };
}

/** The code of a refusal, or what escaped instead, so one `toEqual` checks the whole outcome. */
async function outcome(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return 'accepted';
  } catch (error) {
    if (error instanceof AuthError) return { kind: error.kind, reason: error.reason };
    return { escaped: error };
  }
}

const validClaims = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  iss: DEV_ISSUER,
  aud: DEV_AUDIENCE,
  sub: 'alice',
  client_id: 'portal',
  scope: 'beneficiary:read',
  areas: ['38'],
  jti: 'jti-1',
  iat: NOW_S,
  exp: NOW_S + 600,
  ...overrides,
});

const signRaw = (key: CryptoKey | Uint8Array, header: Record<string, unknown>, claims = validClaims()): Promise<string> =>
  new SignJWT(claims).setProtectedHeader(header as { alg: string }).sign(key);

/** ES256 by hand, for headers jose refuses to produce. */
async function signByHand(key: CryptoKey, header: Record<string, unknown>, claims = validClaims()): Promise<string> {
  const input = `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}`;
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, new TextEncoder().encode(input));
  return `${input}.${base64url.encode(new Uint8Array(signature))}`;
}

const unsigned = (header: Record<string, unknown>, claims = validClaims()): string =>
  `${base64url.encode(JSON.stringify(header))}.${base64url.encode(JSON.stringify(claims))}.`;

let legit: TestKey;
let attacker: TestKey;

beforeAll(async () => {
  legit = await makeKey('legit-1');
  attacker = await makeKey('attacker-1');
});

const config = (overrides: Partial<TokenVerifierConfig> = {}): TokenVerifierConfig => ({
  ...TOKEN_VERIFIER_DEFAULTS,
  issuer: DEV_ISSUER,
  audience: DEV_AUDIENCE,
  jwks: { keys: { keys: [legit.publicJwk] } },
  ...overrides,
});

const verifier = (overrides: Partial<TokenVerifierConfig> = {}) => createTokenVerifier(config(overrides), { clock });

const legitToken = (options: Omit<DevTokenOptions, 'now'> = {}): Promise<string> =>
  signDevToken(legit.privateJwk, { now: NOW, sub: 'alice', clientId: 'portal', jti: 'jti-1', scope: 'beneficiary:read', areas: ['38'], ...options });

const bearer = (token: string): string => `Bearer ${token}`;

describe('a valid token', () => {
  it('yields the whole caller', async () => {
    const token = await legitToken({ scope: 'beneficiary:read payments:read', areas: ['38', '12'] });
    expect(await verifier().verify(bearer(token))).toEqual({
      subject: 'alice',
      clientId: 'portal',
      scopes: new Set(['beneficiary:read', 'payments:read']),
      areas: ['38', '12'],
      expiresAt: new Date(NOW.getTime() + 600_000),
      tokenId: 'jti-1',
    });
  });

  it.each([
    ['lower-case scheme', (t: string) => `bearer ${t}`],
    ['several spaces', (t: string) => `Bearer   ${t}`],
    ['trailing space', (t: string) => `Bearer ${t} `],
  ])('accepts the header with %s', async (_, header) => {
    expect(await outcome(verifier().verify(header(await legitToken())))).toBe('accepted');
  });

  it.each([
    [['*'], ['*']],
    [['38', '00101'], ['38', '00101']],
    [['', ''], []],
    [['38', 12, null, '3', 'x'], ['38']],
    ['38', []],
  ])('normalises areas %j to %j', async (areas, expected) => {
    const token = await legitToken({ extraClaims: { areas } });
    expect((await verifier().verify(bearer(token))).areas).toEqual(expected);
  });

  it('gives no areas when the claim is absent', async () => {
    const token = await legitToken({ omit: ['areas'] });
    expect((await verifier().verify(bearer(token))).areas).toEqual([]);
  });
});

describe('row 1: missing and non-Bearer credentials', () => {
  it('no Authorization header is missing', async () => {
    expect(await outcome(verifier().verify(undefined))).toEqual({ kind: 'missing', reason: 'no_token' });
  });

  it.each([
    ['Basic dXNlcjpwYXNz', 'bad_scheme'],
    ['Bearer', 'bad_scheme'],
    ['Bearer ', 'bad_scheme'],
    ['Bearer    ', 'bad_scheme'],
    ['', 'bad_scheme'],
    ['Token abc.def.ghi', 'bad_scheme'],
    ['Bearer garbage', 'malformed'],
    ['Bearer a.b', 'malformed'],
    ['Bearer a.b.c', 'malformed'],
    ['Bearer a.b.c.d', 'malformed'],
    ['Bearer abc def', 'malformed'],
    ['Bearer é.é.é', 'malformed'],
  ])('%j is invalid (%s)', async (header, reason) => {
    expect(await outcome(verifier().verify(header))).toEqual({ kind: 'invalid', reason });
  });
});

describe('row 2: alg none', () => {
  it.each(['none', 'None', 'NONE', 'nOnE'])('alg %s is invalid', async (alg) => {
    const token = unsigned({ alg, typ: 'at+jwt', kid: 'legit-1' });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'bad_header' });
  });

  it('alg none with a real signature appended is invalid', async () => {
    const real = (await legitToken()).split('.')[2] as string;
    const token = `${unsigned({ alg: 'none', typ: 'at+jwt' })}${real}`;
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'bad_header' });
  });

  it('a token without alg is invalid', async () => {
    const token = `${unsigned({ typ: 'at+jwt' })}abc`;
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'bad_header' });
  });

  it('refuses none in the configuration', () => {
    expect(() => verifier({ algorithms: ['none'] })).toThrow(RangeError);
  });
});

describe('row 3: HMAC with the public key as secret', () => {
  it('HS256 keyed with the public JWK is invalid', async () => {
    const secret = new TextEncoder().encode(JSON.stringify(legit.publicJwk));
    const token = await signRaw(secret, { alg: 'HS256', typ: 'at+jwt', kid: 'legit-1' });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'bad_header' });
  });

  it('HS256 keyed with the public PEM is invalid', async () => {
    const secret = new TextEncoder().encode(await exportSPKI(legit.publicKey));
    const token = await signRaw(secret, { alg: 'HS256', typ: 'at+jwt', kid: 'legit-1' });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'bad_header' });
  });

  it.each([['HS256'], ['ES256', 'HS256'], ['HS512'], ['RS256', 'HS384']])('refuses %j in the configuration', (...algorithms) => {
    expect(() => verifier({ algorithms })).toThrow(RangeError);
  });
});

describe('row 4: a signer outside the JWKS', () => {
  it('an unknown kid is invalid', async () => {
    const token = await signRaw(attacker.privateKey, { alg: 'ES256', typ: 'at+jwt', kid: 'attacker-1' });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'unknown_key' });
  });

  it('a borrowed kid is invalid', async () => {
    const token = await signRaw(attacker.privateKey, { alg: 'ES256', typ: 'at+jwt', kid: 'legit-1' });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'bad_signature' });
  });

  it('no kid at all is invalid', async () => {
    const token = await signRaw(attacker.privateKey, { alg: 'ES256', typ: 'at+jwt' });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'bad_signature' });
  });

  it('a legit signature under a tampered payload is invalid', async () => {
    const [h, , s] = (await legitToken()).split('.');
    const forged = base64url.encode(JSON.stringify(validClaims({ scope: 'audit:read', areas: ['*'] })));
    expect(await outcome(verifier().verify(bearer(`${h}.${forged}.${s}`)))).toEqual({ kind: 'invalid', reason: 'bad_signature' });
  });

  it('an ES384 token is refused under the default ES256 allow-list', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES384');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'p384' };
    const token = await signRaw(privateKey, { alg: 'ES384', typ: 'at+jwt', kid: 'p384' });
    const v = verifier({ jwks: { keys: { keys: [legit.publicJwk, jwk] } } });
    expect(await outcome(v.verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'bad_header' });
  });
});

describe('row 5: a kid crafted for path or SQL injection', () => {
  const KID = "../../x' OR 1=1--";
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'asxh-kid-'));
    await mkdir(join(dir, 'a', 'b', 'keys'), { recursive: true });
    await writeFile(join(dir, 'a', 'b', 'keys', 'jwks.json'), JSON.stringify({ keys: [legit.publicJwk] }));
    // Where a path-joined kid would land: the attacker's own key waits there.
    const bait = JSON.stringify({ keys: [{ ...attacker.publicJwk, kid: KID }], ...attacker.publicJwk, kid: KID });
    await writeFile(join(dir, 'a', "x' OR 1=1--"), bait);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('is invalid against inline keys', async () => {
    const token = await signRaw(attacker.privateKey, { alg: 'ES256', typ: 'at+jwt', kid: KID });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'unknown_key' });
  });

  it('is invalid against a file JWKS, even when the file is re-read', async () => {
    const v = verifier({ jwks: { file: join(dir, 'a', 'b', 'keys', 'jwks.json') }, jwksCooldownMs: 0 });
    const token = await signRaw(attacker.privateKey, { alg: 'ES256', typ: 'at+jwt', kid: KID });
    expect(await outcome(v.verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'unknown_key' });
  });

  it('a non-string kid is invalid', async () => {
    const token = await signRaw(attacker.privateKey, { alg: 'ES256', typ: 'at+jwt', kid: { $ne: null } });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'bad_header' });
  });
});

describe('row 6: jku, x5u and jwk headers (no network here; see the integration test)', () => {
  it('an embedded jwk naming the attacker key is invalid', async () => {
    const token = await signRaw(attacker.privateKey, { alg: 'ES256', typ: 'at+jwt', kid: 'attacker-1', jwk: attacker.publicJwk });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'unknown_key' });
  });

  it('an embedded jwk under the legit kid is invalid', async () => {
    const token = await signRaw(attacker.privateKey, { alg: 'ES256', typ: 'at+jwt', kid: 'legit-1', jwk: attacker.publicJwk });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'bad_signature' });
  });

  it('a header signed by hand verifies, so the refusals below are about the header', async () => {
    const token = await signByHand(legit.privateKey, { alg: 'ES256', typ: 'at+jwt', kid: 'legit-1' });
    expect(await outcome(verifier().verify(bearer(token)))).toBe('accepted');
  });

  it.each([
    { crit: ['exp'], exp: 1 },
    { crit: ['b64'], b64: false },
    { b64: true },
  ])('a legit-signed token with header %j is invalid', async (extra) => {
    const token = await signByHand(legit.privateKey, { alg: 'ES256', typ: 'at+jwt', kid: 'legit-1', ...extra });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'bad_header' });
  });
});

describe('row 7: expiry and clock tolerance', () => {
  it('expired by 120 s is invalid', async () => {
    const token = await legitToken({ iatOffsetSeconds: -300, ttlSeconds: -120 });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'expired' });
  });

  it('expired by 30 s is accepted with 60 s tolerance', async () => {
    const token = await legitToken({ iatOffsetSeconds: -300, ttlSeconds: -30 });
    expect(await outcome(verifier({ clockToleranceSeconds: 60 }).verify(bearer(token)))).toBe('accepted');
  });

  it.each([
    [-60, { kind: 'invalid', reason: 'expired' }],
    [-59, 'accepted'],
  ])('at the tolerance edge, expired by %i s gives %j', async (ttlSeconds, expected) => {
    const token = await legitToken({ iatOffsetSeconds: -300, ttlSeconds });
    expect(await outcome(verifier({ clockToleranceSeconds: 60 }).verify(bearer(token)))).toEqual(expected);
  });

  it('expired by 30 s is invalid with no tolerance', async () => {
    const token = await legitToken({ iatOffsetSeconds: -300, ttlSeconds: -30 });
    expect(await outcome(verifier({ clockToleranceSeconds: 0 }).verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'expired' });
  });

  it.each([61, -1, Number.NaN])('refuses a tolerance of %d', (clockToleranceSeconds) => {
    expect(() => verifier({ clockToleranceSeconds })).toThrow(RangeError);
  });
});

describe('row 8: required claims', () => {
  it.each(['exp', 'iat', 'jti', 'sub', 'client_id'] as const)('missing %s is invalid', async (claim) => {
    const token = await legitToken({ omit: [claim] });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'missing_claim' });
  });

  it.each([
    ['sub', ''],
    ['jti', ''],
    ['client_id', ''],
    ['client_id', 42],
    ['sub', ['alice']],
    ['exp', String(NOW_S + 600)],
    ['iat', null],
  ])('%s = %j is invalid', async (claim, value) => {
    const token = await legitToken({ extraClaims: { [claim]: value } });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'bad_claim' });
  });
});

describe('row 9: not yet valid and too old', () => {
  it('nbf 10 minutes ahead is invalid', async () => {
    const token = await legitToken({ nbfOffsetSeconds: 600 });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'not_yet_valid' });
  });

  it('nbf within the tolerance is accepted', async () => {
    const token = await legitToken({ nbfOffsetSeconds: 30 });
    expect(await outcome(verifier().verify(bearer(token)))).toBe('accepted');
  });

  it('iat older than the maximum age is invalid', async () => {
    const token = await legitToken({ iatOffsetSeconds: -1000 });
    expect(await outcome(verifier({ maxTokenAgeSeconds: 900 }).verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'too_old' });
  });

  it('iat 10 minutes in the future is invalid', async () => {
    const token = await legitToken({ iatOffsetSeconds: 600 });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'not_yet_valid' });
  });
});

describe('row 10: audience and issuer', () => {
  it.each([
    [{ audience: 'another-api' }, { kind: 'invalid', reason: 'bad_audience' }],
    [{ audience: ['another-api'] }, { kind: 'invalid', reason: 'bad_audience' }],
    [{ audience: ['another-api', DEV_AUDIENCE] }, 'accepted'],
    [{ omit: ['aud'] as const }, { kind: 'invalid', reason: 'missing_claim' }],
    [{ issuer: 'https://evil.example' }, { kind: 'invalid', reason: 'bad_issuer' }],
    [{ issuer: DEV_ISSUER.toUpperCase() }, { kind: 'invalid', reason: 'bad_issuer' }],
    [{ issuer: `${DEV_ISSUER}/` }, { kind: 'invalid', reason: 'bad_issuer' }],
    [{ omit: ['iss'] as const }, { kind: 'invalid', reason: 'missing_claim' }],
  ])('%j gives %j', async (options, expected) => {
    const token = await legitToken(options);
    expect(await outcome(verifier().verify(bearer(token)))).toEqual(expected);
  });
});

describe('row 11: token type', () => {
  it.each([
    ['JWT', { kind: 'invalid', reason: 'bad_type' }],
    ['jwt', { kind: 'invalid', reason: 'bad_type' }],
    ['', { kind: 'invalid', reason: 'bad_type' }],
    ['application/jwt', { kind: 'invalid', reason: 'bad_type' }],
    ['asxh-internal+jwt', { kind: 'invalid', reason: 'bad_type' }],
    ['at+jwt', 'accepted'],
    ['application/at+jwt', 'accepted'],
    ['AT+JWT', 'accepted'],
  ])('typ %j gives %j', async (typ, expected) => {
    const token = await legitToken({ typ });
    expect(await outcome(verifier().verify(bearer(token)))).toEqual(expected);
  });
});

describe('row 12: oversized tokens', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('over 8 KB is too_large before any JWKS fetch or crypto', async () => {
    const fetchSpy = vi.fn<typeof fetch>(async () => new Response(JSON.stringify({ keys: [legit.publicJwk] })));
    const verifySpy = vi.spyOn(globalThis.crypto.subtle, 'verify');
    const v = createTokenVerifier(config({ jwks: { url: 'http://127.0.0.1:9/jwks.json' } }), { clock, fetch: fetchSpy });
    const token = await legitToken({ extraClaims: { pad: 'x'.repeat(9000) } });
    expect(await outcome(v.verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'too_large' });
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(verifySpy).not.toHaveBeenCalled();
    // The same verifier does fetch and verify for a normal token, so the spies above are live.
    expect(await outcome(v.verify(bearer(await legitToken())))).toBe('accepted');
    expect(fetchSpy).toHaveBeenCalledTimes(1);
    expect(verifySpy).toHaveBeenCalledTimes(1);
  });

  it('a garbage header over the limit is too_large', async () => {
    expect(await outcome(verifier().verify(`Bearer ${'A'.repeat(8193)}`))).toEqual({ kind: 'invalid', reason: 'too_large' });
  });

  it('counts bytes, not characters', async () => {
    expect(await outcome(verifier({ maxTokenBytes: 100 }).verify(`Bearer ${'é'.repeat(60)}`))).toEqual({ kind: 'invalid', reason: 'too_large' });
  });

  it('the limit itself is allowed', async () => {
    const token = await legitToken();
    expect(await outcome(verifier({ maxTokenBytes: token.length }).verify(bearer(token)))).toBe('accepted');
    expect(await outcome(verifier({ maxTokenBytes: token.length - 1 }).verify(bearer(token)))).toEqual({ kind: 'invalid', reason: 'too_large' });
  });
});

describe('row 13: scope tricks grant nothing', () => {
  it.each([
    ['case', { scope: 'Beneficiary:Read' }],
    ['suffix', { scope: 'beneficiary:read:x' }],
    ['prefix', { scope: 'x:beneficiary:read' }],
    ['comma list', { scope: 'beneficiary:read,payments:read' }],
    ['tab separated', { scope: 'beneficiary:read\tpayments:read' }],
    ['array', { extraClaims: { scope: ['beneficiary:read'] } }],
    ['scp string', { scope: '', extraClaims: { scp: 'beneficiary:read' } }],
    ['scp array', { omit: ['scope'] as const, extraClaims: { scp: ['beneficiary:read'] } }],
    ['scopes claim', { omit: ['scope'] as const, extraClaims: { scopes: 'beneficiary:read' } }],
    ['unknown scope', { scope: 'admin' }],
  ])('%s', async (_, options) => {
    const token = await legitToken(options);
    expect((await verifier().verify(bearer(token))).scopes).toEqual(new Set());
  });

  it('extra spaces still separate exact names', async () => {
    const token = await legitToken({ scope: ' beneficiary:read  payments:read Payments:read ' });
    expect((await verifier().verify(bearer(token))).scopes).toEqual(new Set(['beneficiary:read', 'payments:read']));
  });
});

describe('key rotation through a file JWKS', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'asxh-rotation-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('picks up a new kid after the cooldown and drops a retired one after the maximum age', async () => {
    const next = await makeKey('legit-2');
    const path = join(dir, 'jwks.json');
    await writeFile(path, JSON.stringify({ keys: [legit.publicJwk] }));
    let now = NOW;
    const v = createTokenVerifier(config({ jwks: { file: path }, jwksCooldownMs: 30_000, jwksMaxAgeMs: 600_000 }), { clock: () => now });
    const tokenBy = (key: TestKey) => signDevToken(key.privateJwk, { now, jti: 'j' });

    expect(await outcome(v.verify(bearer(await tokenBy(next))))).toEqual({ kind: 'invalid', reason: 'unknown_key' });
    await writeFile(path, JSON.stringify({ keys: [legit.publicJwk, next.publicJwk] }));
    now = new Date(NOW.getTime() + 10_000);
    expect(await outcome(v.verify(bearer(await tokenBy(next))))).toEqual({ kind: 'invalid', reason: 'unknown_key' });
    now = new Date(NOW.getTime() + 30_000);
    expect(await outcome(v.verify(bearer(await tokenBy(next))))).toBe('accepted');

    await writeFile(path, JSON.stringify({ keys: [next.publicJwk] }));
    now = new Date(NOW.getTime() + 60_000);
    expect(await outcome(v.verify(bearer(await tokenBy(legit))))).toBe('accepted');
    now = new Date(NOW.getTime() + 30_000 + 600_000);
    expect(await outcome(v.verify(bearer(await tokenBy(legit))))).toEqual({ kind: 'invalid', reason: 'unknown_key' });
    expect(await outcome(v.verify(bearer(await tokenBy(next))))).toBe('accepted');
  });

  it('keeps the keys it has when the file turns unreadable', async () => {
    const path = join(dir, 'flaky.json');
    await writeFile(path, JSON.stringify({ keys: [legit.publicJwk] }));
    let now = NOW;
    const v = createTokenVerifier(config({ jwks: { file: path }, jwksCooldownMs: 0, jwksMaxAgeMs: 1 }), { clock: () => now });
    await writeFile(path, '{ not json');
    now = new Date(NOW.getTime() + 5_000);
    expect(await outcome(v.verify(bearer(await signDevToken(legit.privateJwk, { now }))))).toBe('accepted');
  });

  it('fails at creation on a missing or broken file', async () => {
    expect(() => verifier({ jwks: { file: join(dir, 'absent.json') } })).toThrow();
    const secret = join(dir, 'secret.json');
    await writeFile(secret, JSON.stringify({ keys: [{ kty: 'oct', k: 'c2VjcmV0' }] }));
    expect(() => verifier({ jwks: { file: secret } })).toThrow();
    const priv = join(dir, 'private.json');
    await writeFile(priv, JSON.stringify({ keys: [legit.privateJwk] }));
    expect(() => verifier({ jwks: { file: priv } })).toThrow();
  });
});

describe('configuration', () => {
  it.each<Partial<TokenVerifierConfig>>([
    { algorithms: [] },
    { maxTokenAgeSeconds: 0 },
    { maxTokenBytes: -1 },
    { jwksCooldownMs: -1 },
    { jwksTimeoutMs: 0 },
  ])('refuses %j', (overrides) => {
    expect(() => verifier(overrides)).toThrow(RangeError);
  });

  it.each<Partial<TokenVerifierConfig>>([{ issuer: '' }, { audience: '' }, { jwks: { url: 'file:///etc/passwd' } }])('refuses %j', (overrides) => {
    expect(() => verifier(overrides)).toThrow(TypeError);
  });
});
