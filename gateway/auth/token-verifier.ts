import { decodeProtectedHeader, errors, jwtVerify, type JSONWebKeySet, type JWSAlgorithm, type JWTPayload } from 'jose';
import { parseScopeClaim } from '../../schema/access-rules.js';
import { normaliseAreas } from '../../schema/areas.js';
import { AuthError, type AuthErrorReason } from './auth-error.js';
import { createJwksStore, JwksUnavailableError } from './jwks-store.js';

/** How the gateway checks callers' access tokens (scopes.md, "Token"). */
export interface TokenVerifierConfig {
  readonly issuer: string;
  readonly audience: string;
  /** Asymmetric JWS algorithms only; `none` and HMAC are refused at creation. */
  readonly algorithms: readonly string[];
  readonly jwks: { readonly file: string } | { readonly url: string } | { readonly keys: JSONWebKeySet };
  /** At most 60. */
  readonly clockToleranceSeconds: number;
  readonly maxTokenAgeSeconds: number;
  readonly maxTokenBytes: number;
  /** Least time between two JWKS reloads caused by unknown `kid`s. */
  readonly jwksCooldownMs: number;
  readonly jwksTimeoutMs: number;
  /** A file or URL JWKS is reloaded this long after its last load (default 10 min), so retired keys stop working. */
  readonly jwksMaxAgeMs?: number;
}

/** The verified caller a request runs as. */
export interface Caller {
  readonly subject: string;
  readonly clientId: string;
  /** Only the known scope names of a space-separated `scope` string claim. */
  readonly scopes: ReadonlySet<string>;
  readonly areas: readonly string[];
  readonly expiresAt: Date;
  /** The token's `jti`. */
  readonly tokenId: string;
}

export interface TokenVerifier {
  /** The caller behind an `Authorization` header value; throws `AuthError` and nothing else. */
  verify(authorization: string | undefined): Promise<Caller>;
}

export interface TokenVerifierDeps {
  readonly clock: () => Date;
  readonly fetch?: typeof fetch;
}

/** Defaults for every setting but issuer, audience and jwks. */
export const TOKEN_VERIFIER_DEFAULTS = Object.freeze({
  algorithms: Object.freeze(['ES256']) as readonly string[],
  clockToleranceSeconds: 60,
  maxTokenAgeSeconds: 900,
  maxTokenBytes: 8192,
  jwksCooldownMs: 30_000,
  jwksTimeoutMs: 5_000,
  jwksMaxAgeMs: 600_000,
});

/** Contract ceiling on clock tolerance (scopes.md). */
export const MAX_CLOCK_TOLERANCE_SECONDS = 60;

// Public-key algorithms only: with an HMAC algorithm a published public key would become a shared secret.
const ASYMMETRIC_ALGORITHMS: ReadonlySet<string> = new Set([
  'ES256', 'ES384', 'ES512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'EdDSA', 'Ed25519',
]);
// Media types compare case-insensitively (RFC 7515 §4.1.9); RFC 9068 §2.1 names both spellings.
const ACCESS_TOKEN_TYPES: ReadonlySet<string> = new Set(['at+jwt', 'application/at+jwt']);
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
const REQUIRED_CLAIMS = ['exp', 'iat', 'jti', 'sub', 'client_id'];

/** A verifier of `Authorization: Bearer` access tokens against the configured issuer's JWKS. */
export function createTokenVerifier(config: TokenVerifierConfig, deps: TokenVerifierDeps): TokenVerifier {
  checkConfig(config);
  const algorithms = new Set(config.algorithms);
  const store = createJwksStore(
    config.jwks,
    {
      cooldownMs: config.jwksCooldownMs,
      timeoutMs: config.jwksTimeoutMs,
      maxAgeMs: config.jwksMaxAgeMs ?? TOKEN_VERIFIER_DEFAULTS.jwksMaxAgeMs,
    },
    deps.fetch ? { clock: deps.clock, fetch: deps.fetch } : { clock: deps.clock },
  );

  const verifyToken = async (authorization: string | undefined): Promise<Caller> => {
    const token = bearerToken(authorization, config.maxTokenBytes);
    checkHeader(token, algorithms);
    const { payload } = await jwtVerify(token, (header) => store.getKey({ alg: header.alg, kid: header.kid }), {
      algorithms: [...algorithms] as JWSAlgorithm[],
      issuer: config.issuer,
      audience: config.audience,
      typ: 'at+jwt',
      currentDate: deps.clock(),
      clockTolerance: config.clockToleranceSeconds,
      maxTokenAge: config.maxTokenAgeSeconds,
      requiredClaims: REQUIRED_CLAIMS,
    });
    return toCaller(payload);
  };

  return {
    async verify(authorization) {
      try {
        return await verifyToken(authorization);
      } catch (error) {
        throw toAuthError(error);
      }
    },
  };
}

function checkConfig(config: TokenVerifierConfig): void {
  if (typeof config.issuer !== 'string' || config.issuer === '') throw new TypeError('issuer is required');
  if (typeof config.audience !== 'string' || config.audience === '') throw new TypeError('audience is required');
  if (config.algorithms.length === 0) throw new RangeError('algorithms must not be empty');
  for (const alg of config.algorithms) {
    if (!ASYMMETRIC_ALGORITHMS.has(alg)) throw new RangeError(`algorithm ${alg} is not an allowed asymmetric JWS algorithm`);
  }
  const tolerance = config.clockToleranceSeconds;
  if (!Number.isFinite(tolerance) || tolerance < 0 || tolerance > MAX_CLOCK_TOLERANCE_SECONDS) {
    throw new RangeError(`clockToleranceSeconds must be between 0 and ${MAX_CLOCK_TOLERANCE_SECONDS}`);
  }
  const positive: Array<[string, number | undefined]> = [
    ['maxTokenAgeSeconds', config.maxTokenAgeSeconds],
    ['maxTokenBytes', config.maxTokenBytes],
    ['jwksTimeoutMs', config.jwksTimeoutMs],
    ['jwksMaxAgeMs', config.jwksMaxAgeMs ?? TOKEN_VERIFIER_DEFAULTS.jwksMaxAgeMs],
  ];
  for (const [name, value] of positive) {
    if (value === undefined || !Number.isFinite(value) || value <= 0) throw new RangeError(`${name} must be a positive number`);
  }
  if (!Number.isFinite(config.jwksCooldownMs) || config.jwksCooldownMs < 0) throw new RangeError('jwksCooldownMs must be ≥ 0');
}

const invalid = (reason: AuthErrorReason, cause?: unknown): AuthError =>
  new AuthError('invalid', reason, cause === undefined ? undefined : { cause });

/** The token of a `Bearer` header, size-checked before anything looks inside it. */
function bearerToken(authorization: string | undefined, maxTokenBytes: number): string {
  if (authorization === undefined) throw new AuthError('missing', 'no_token');
  const space = authorization.indexOf(' ');
  // Auth schemes are case-insensitive (RFC 9110 §11.1).
  if (space === -1 || authorization.slice(0, space).toLowerCase() !== 'bearer') throw invalid('bad_scheme');
  const token = authorization.slice(space + 1).trim();
  if (token === '') throw invalid('bad_scheme');
  // UTF-8 is never shorter than the UTF-16 length, so the cheap test settles most oversized tokens.
  if (token.length > maxTokenBytes || Buffer.byteLength(token, 'utf8') > maxTokenBytes) throw invalid('too_large');
  if (!COMPACT_JWS.test(token)) throw invalid('malformed');
  return token;
}

/** Header rules that need no key: refusing here keeps crypto and JWKS traffic for plausible tokens. */
function checkHeader(token: string, algorithms: ReadonlySet<string>): void {
  let header: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(token) as Record<string, unknown>;
  } catch (cause) {
    throw invalid('malformed', cause);
  }
  const { alg, typ, kid } = header;
  if (typeof alg !== 'string' || !algorithms.has(alg)) throw invalid('bad_header');
  // No header extension is understood, so a critical one must be refused (RFC 7515 §4.1.11); b64=false is not a JWT.
  if (header.crit !== undefined || header.b64 !== undefined) throw invalid('bad_header');
  if (kid !== undefined && typeof kid !== 'string') throw invalid('bad_header');
  if (typeof typ !== 'string' || !ACCESS_TOKEN_TYPES.has(typ.toLowerCase())) throw invalid('bad_type');
}

function toCaller(payload: JWTPayload): Caller {
  const { sub, jti, client_id: clientId, exp } = payload;
  if (typeof sub !== 'string' || sub === '') throw invalid('bad_claim');
  if (typeof jti !== 'string' || jti === '') throw invalid('bad_claim');
  if (typeof clientId !== 'string' || clientId === '') throw invalid('bad_claim');
  if (typeof exp !== 'number') throw invalid('bad_claim');
  return Object.freeze({
    subject: sub,
    clientId,
    scopes: parseScopeClaim(payload.scope),
    areas: Object.freeze(normaliseAreas(payload.areas)),
    expiresAt: new Date(exp * 1000),
    tokenId: jti,
  });
}

/** Folds every failure into an `AuthError` so no library error shape leaks past the verifier. */
function toAuthError(error: unknown): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof JwksUnavailableError) return invalid('jwks_unavailable', error);
  if (error instanceof errors.JWTExpired) return invalid(error.claim === 'iat' ? 'too_old' : 'expired', error);
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return invalid('missing_claim', error);
    if (error.reason === 'invalid') return invalid('bad_claim', error);
    switch (error.claim) {
      case 'typ':
        return invalid('bad_type', error);
      case 'iss':
        return invalid('bad_issuer', error);
      case 'aud':
        return invalid('bad_audience', error);
      case 'nbf':
      case 'iat':
        return invalid('not_yet_valid', error);
      default:
        return invalid('bad_claim', error);
    }
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return invalid('unknown_key', error);
  }
  if (error instanceof errors.JWKSInvalid || error instanceof errors.JWKInvalid) return invalid('unknown_key', error);
  if (error instanceof errors.JWSSignatureVerificationFailed) return invalid('bad_signature', error);
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return invalid('bad_header', error);
  if (error instanceof errors.JOSEError) return invalid('malformed', error);
  return invalid('internal', error);
}
