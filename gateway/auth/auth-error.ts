/**
 * Why a caller's access token was refused (scopes.md, "Token"). The HTTP layer needs only `kind`:
 * `missing` answers `WWW-Authenticate: Bearer`, `invalid` answers `Bearer error="invalid_token"`.
 * `reason` is for logs and metrics; it never goes to the client, so it cannot serve as an oracle.
 */
export const AUTH_ERROR_REASONS = [
  /** No Authorization header at all. */
  'no_token',
  /** Another scheme (`Basic …`), or `Bearer` without a token. */
  'bad_scheme',
  /** Not a compact JWS, bad base64url or JSON, or a claims set that is not an object. */
  'malformed',
  /** Longer than `maxTokenBytes`; refused before any parsing or crypto. */
  'too_large',
  /** `alg` outside the allow-list (`none`, HMAC…), `crit`, `b64` or a non-string `kid`. */
  'bad_header',
  /** Header `typ` other than `at+jwt` / `application/at+jwt`. */
  'bad_type',
  /** No key in the configured JWKS matches the header, even after an allowed refresh. */
  'unknown_key',
  'bad_signature',
  'expired',
  /** `nbf`, or `iat`, in the future beyond the clock tolerance. */
  'not_yet_valid',
  /** `iat` older than `maxTokenAgeSeconds`. */
  'too_old',
  'bad_issuer',
  'bad_audience',
  'missing_claim',
  /** A claim of the wrong type, or an empty `sub`, `jti` or `client_id`. */
  'bad_claim',
  /** The JWKS could not be loaded, so nothing can be verified. */
  'jwks_unavailable',
  /** Anything unforeseen; the original error is the `cause`. */
  'internal',
] as const;
export type AuthErrorReason = (typeof AUTH_ERROR_REASONS)[number];
export type AuthErrorKind = 'missing' | 'invalid';

/** A refused access token; the only error `TokenVerifier.verify` ever throws. */
export class AuthError extends Error {
  override readonly name = 'AuthError';
  readonly kind: AuthErrorKind;
  readonly reason: AuthErrorReason;

  constructor(kind: AuthErrorKind, reason: AuthErrorReason, options?: { cause?: unknown }) {
    // The message carries the code only: token contents never reach logs through it.
    super(`access token refused: ${reason}`, options);
    this.kind = kind;
    this.reason = reason;
  }
}

/** True for an `AuthError`. */
export const isAuthError = (error: unknown): error is AuthError => error instanceof AuthError;

/** The `WWW-Authenticate` value for a refusal (RFC 6750 §3, §3.1: no error code when no token was sent). */
export function wwwAuthenticate(kind: AuthErrorKind): string {
  return kind === 'missing' ? 'Bearer' : 'Bearer error="invalid_token"';
}
