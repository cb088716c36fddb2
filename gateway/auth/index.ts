/** Caller authentication: access-token verification, the dev issuer and the gateway's internal key. */
export { AUTH_ERROR_REASONS, AuthError, isAuthError, wwwAuthenticate } from './auth-error.js';
export type { AuthErrorKind, AuthErrorReason } from './auth-error.js';
export { createTokenVerifier, MAX_CLOCK_TOLERANCE_SECONDS, TOKEN_VERIFIER_DEFAULTS } from './token-verifier.js';
export type { Caller, TokenVerifier, TokenVerifierConfig, TokenVerifierDeps } from './token-verifier.js';
export {
  DEV_AUDIENCE,
  DEV_ISSUER,
  DEV_ISSUER_JWKS_FILE,
  DEV_ISSUER_PRIVATE_KEY_FILE,
  DEV_TOKEN_CLAIMS,
  DEV_TOKEN_DEFAULTS,
  ensureDevIssuer,
  signDevToken,
} from './dev-issuer.js';
export type { DevIssuer, DevTokenClaim, DevTokenOptions } from './dev-issuer.js';
export { ensureInternalKey, INTERNAL_PRIVATE_KEY_FILE, INTERNAL_PUBLIC_KEY_FILE } from './internal-key.js';
export type { InternalKey } from './internal-key.js';
export { KeyFileError } from './key-files.js';
