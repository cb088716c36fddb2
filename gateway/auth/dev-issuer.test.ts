import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt, decodeProtectedHeader, importJWK } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mintInternalCredential, verifyInternalCredential } from '../../schema/internal-credential.js';
import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  DEV_ISSUER_JWKS_FILE,
  DEV_ISSUER_PRIVATE_KEY_FILE,
  ensureDevIssuer,
  signDevToken,
} from './dev-issuer.js';
import { ensureInternalKey, INTERNAL_PRIVATE_KEY_FILE, INTERNAL_PUBLIC_KEY_FILE } from './internal-key.js';
import { KeyFileError } from './key-files.js';

const NOW = new Date('2026-11-15T03:00:00.000Z');
const NOW_S = NOW.getTime() / 1000;

let dataDir: string;
beforeEach(async () => {
  dataDir = join(await mkdtemp(join(tmpdir(), 'asxh-dev-issuer-')), 'nested', '.data');
});
afterEach(() => rm(join(dataDir, '..', '..'), { recursive: true, force: true }));

const mode = async (path: string) => (await stat(path)).mode & 0o777;
const readJson = async (path: string): Promise<unknown> => JSON.parse(await readFile(path, 'utf8'));

describe('ensureDevIssuer', () => {
  it('creates an ES256 key pair with a kid, the private file 0600, the JWKS public only', async () => {
    const issuer = await ensureDevIssuer(dataDir);
    const { kty, crv, x, y, kid } = issuer.privateJwk;
    expect(issuer.jwksPath).toBe(join(dataDir, DEV_ISSUER_JWKS_FILE));
    expect(issuer.jwks).toEqual({ keys: [{ kty, crv, x, y, kid, alg: 'ES256', use: 'sig' }] });
    expect([kty, crv, typeof kid, typeof issuer.privateJwk.d]).toEqual(['EC', 'P-256', 'string', 'string']);
    expect(await readJson(issuer.jwksPath)).toEqual(issuer.jwks);
    expect(await readJson(join(dataDir, DEV_ISSUER_PRIVATE_KEY_FILE))).toEqual(issuer.privateJwk);
    expect(await mode(join(dataDir, DEV_ISSUER_PRIVATE_KEY_FILE))).toBe(0o600);
  });

  it('reuses the key on later calls', async () => {
    const first = await ensureDevIssuer(dataDir);
    const second = await ensureDevIssuer(dataDir);
    expect(second).toEqual(first);
  });

  it('rewrites a lost JWKS file from the private key', async () => {
    const first = await ensureDevIssuer(dataDir);
    await rm(first.jwksPath);
    expect(await ensureDevIssuer(dataDir)).toEqual(first);
    expect(await readJson(first.jwksPath)).toEqual(first.jwks);
  });

  it('gives every concurrent caller the same key and leaves no temp files', async () => {
    const all = await Promise.all(Array.from({ length: 20 }, () => ensureDevIssuer(dataDir)));
    const kids = new Set(all.map((issuer) => issuer.privateJwk.kid));
    expect(kids.size).toBe(1);
    const first = all[0];
    expect(all).toEqual(all.map(() => first));
    expect(await readJson(join(dataDir, DEV_ISSUER_PRIVATE_KEY_FILE))).toEqual(first?.privateJwk);
    expect((await readdir(dataDir)).sort()).toEqual([DEV_ISSUER_JWKS_FILE, DEV_ISSUER_PRIVATE_KEY_FILE]);
  });

  it('refuses a corrupted key file rather than replacing it', async () => {
    await ensureDevIssuer(dataDir);
    await writeFile(join(dataDir, DEV_ISSUER_PRIVATE_KEY_FILE), '{"kty":"oct","k":"c2VjcmV0"}');
    await expect(ensureDevIssuer(dataDir)).rejects.toBeInstanceOf(KeyFileError);
  });
});

describe('ensureInternalKey', () => {
  it('creates a separate key whose public half verifies internal credentials', async () => {
    const internal = await ensureInternalKey(dataDir);
    const issuer = await ensureDevIssuer(dataDir);
    expect(internal.publicJwk.kid).not.toBe(issuer.privateJwk.kid);
    expect(internal.publicKeyPath).toBe(join(dataDir, INTERNAL_PUBLIC_KEY_FILE));
    expect(await readJson(internal.publicKeyPath)).toEqual(internal.publicJwk);
    expect(internal.publicJwk.d).toBeUndefined();
    expect(await mode(join(dataDir, INTERNAL_PRIVATE_KEY_FILE))).toBe(0o600);

    const principal = { subject: 'alice', clientId: 'portal', scopes: ['beneficiary:read'], areas: ['38'], requestId: 'r1' };
    const credential = await mintInternalCredential(internal.privateKey, principal, 'labor', NOW);
    const publicKey = await importJWK(internal.publicJwk, 'ES256');
    expect(await verifyInternalCredential(credential, publicKey, 'labor', NOW)).toEqual(principal);
  });

  it('reuses the key, also under concurrent callers', async () => {
    const all = await Promise.all(Array.from({ length: 10 }, () => ensureInternalKey(dataDir)));
    const again = await ensureInternalKey(dataDir);
    expect(new Set([...all, again].map((key) => key.publicJwk.kid)).size).toBe(1);
  });
});

describe('signDevToken', () => {
  it('signs the default claims with the dev key', async () => {
    const { privateJwk } = await ensureDevIssuer(dataDir);
    const token = await signDevToken(privateJwk, { now: NOW, jti: 'j1' });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: privateJwk.kid, typ: 'at+jwt' });
    expect(decodeJwt(token)).toEqual({
      iss: DEV_ISSUER,
      aud: DEV_AUDIENCE,
      sub: 'dev-user',
      client_id: 'dev-client',
      scope: '',
      areas: [],
      jti: 'j1',
      iat: NOW_S,
      exp: NOW_S + 600,
    });
  });

  it('applies every option', async () => {
    const { privateJwk } = await ensureDevIssuer(dataDir);
    const token = await signDevToken(privateJwk, {
      now: NOW,
      scope: 'beneficiary:read payments:read',
      areas: ['38', '12'],
      sub: 'alice',
      clientId: 'portal',
      ttlSeconds: -30,
      iatOffsetSeconds: -100,
      nbfOffsetSeconds: 50,
      audience: ['x', 'y'],
      issuer: 'other',
      typ: 'JWT',
      omit: ['jti'],
      extraClaims: { scp: ['audit:read'] },
    });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: privateJwk.kid, typ: 'JWT' });
    expect(decodeJwt(token)).toEqual({
      iss: 'other',
      aud: ['x', 'y'],
      sub: 'alice',
      client_id: 'portal',
      scope: 'beneficiary:read payments:read',
      areas: ['38', '12'],
      iat: NOW_S - 100,
      exp: NOW_S - 30,
      nbf: NOW_S + 50,
      scp: ['audit:read'],
    });
  });

  it('leaves typ out when asked with an empty string', async () => {
    const { privateJwk } = await ensureDevIssuer(dataDir);
    const token = await signDevToken(privateJwk, { now: NOW, typ: '' });
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', kid: privateJwk.kid });
  });
});
