import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import { ensurePrivateJwk, KEY_ALG, KeyFileError, publicJwkOf, writeFileIfChanged } from './key-files.js';

/** The development issuer: the gateway started by `npm start` trusts it (running.md). */
export const DEV_ISSUER = 'asxh-dev-issuer';
export const DEV_AUDIENCE = 'asxh-gateway';
/** File names under the data directory. */
export const DEV_ISSUER_PRIVATE_KEY_FILE = 'dev-issuer.private.jwk.json';
export const DEV_ISSUER_JWKS_FILE = 'dev-issuer.jwks.json';

export interface DevIssuer {
  readonly privateJwk: JWK;
  /** Public keys only, as served at `/.well-known/jwks.json` in mock mode. */
  readonly jwks: JSONWebKeySet;
  readonly jwksPath: string;
}

/** The dev issuer's ES256 key pair under `dataDir`, created on first call and reused afterwards. */
export async function ensureDevIssuer(dataDir: string): Promise<DevIssuer> {
  const privateJwk = await ensurePrivateJwk(join(dataDir, DEV_ISSUER_PRIVATE_KEY_FILE));
  const jwks: JSONWebKeySet = { keys: [publicJwkOf(privateJwk)] };
  const jwksPath = join(dataDir, DEV_ISSUER_JWKS_FILE);
  await writeFileIfChanged(jwksPath, `${JSON.stringify(jwks, null, 2)}\n`);
  return { privateJwk, jwks, jwksPath };
}

/** Claims `omit` may drop, to test how clients and the gateway handle incomplete tokens. */
export const DEV_TOKEN_CLAIMS = ['iss', 'aud', 'sub', 'client_id', 'scope', 'areas', 'jti', 'iat', 'exp', 'nbf'] as const;
export type DevTokenClaim = (typeof DEV_TOKEN_CLAIMS)[number];

/** Everything the token command can vary; times are seconds relative to `now`. */
export interface DevTokenOptions {
  readonly now: Date;
  /** Space-separated scopes, sent as given (default ''). */
  readonly scope?: string;
  /** Default [] (no beneficiary data). */
  readonly areas?: readonly string[];
  /** Default 'dev-user'. */
  readonly sub?: string;
  /** Default 'dev-client'. */
  readonly clientId?: string;
  /** `exp` = now + ttl (default 600); below zero gives an already expired token. */
  readonly ttlSeconds?: number;
  /** `iat` = now + offset (default 0). */
  readonly iatOffsetSeconds?: number;
  /** Adds `nbf` = now + offset; absent means no `nbf`. */
  readonly nbfOffsetSeconds?: number;
  /** Default DEV_AUDIENCE. */
  readonly audience?: string | readonly string[];
  /** Default DEV_ISSUER. */
  readonly issuer?: string;
  /** Header `typ` (default 'at+jwt'); '' leaves it out. */
  readonly typ?: string;
  readonly omit?: readonly DevTokenClaim[];
  /** Default a random UUID. */
  readonly jti?: string;
  /** Set after the standard claims (and before `omit`), e.g. `scp` or a non-string `scope` for negative tests. */
  readonly extraClaims?: Readonly<Record<string, unknown>>;
}

export const DEV_TOKEN_DEFAULTS = Object.freeze({
  sub: 'dev-user',
  clientId: 'dev-client',
  ttlSeconds: 600,
  scope: '',
  typ: 'at+jwt',
});

/** Signs an access token with the dev issuer's private key (the token command and tests use it). */
export async function signDevToken(privateJwk: JWK, options: DevTokenOptions): Promise<string> {
  const now = Math.floor(options.now.getTime() / 1000);
  const claims: Record<string, unknown> = {
    iss: options.issuer ?? DEV_ISSUER,
    aud: typeof options.audience === 'string' || options.audience === undefined ? (options.audience ?? DEV_AUDIENCE) : [...options.audience],
    sub: options.sub ?? DEV_TOKEN_DEFAULTS.sub,
    client_id: options.clientId ?? DEV_TOKEN_DEFAULTS.clientId,
    scope: options.scope ?? DEV_TOKEN_DEFAULTS.scope,
    areas: [...(options.areas ?? [])],
    jti: options.jti ?? randomUUID(),
    iat: now + (options.iatOffsetSeconds ?? 0),
    exp: now + (options.ttlSeconds ?? DEV_TOKEN_DEFAULTS.ttlSeconds),
    ...(options.nbfOffsetSeconds === undefined ? {} : { nbf: now + options.nbfOffsetSeconds }),
    ...options.extraClaims,
  };
  for (const claim of options.omit ?? []) delete claims[claim];
  const typ = options.typ ?? DEV_TOKEN_DEFAULTS.typ;
  const key = await importJWK(privateJwk, KEY_ALG);
  if (key instanceof Uint8Array) throw new KeyFileError('dev issuer key is not an asymmetric key');
  return new SignJWT(claims)
    .setProtectedHeader({ alg: KEY_ALG, ...(privateJwk.kid ? { kid: privateJwk.kid } : {}), ...(typ === '' ? {} : { typ }) })
    .sign(key);
}
