import { SignJWT, jwtVerify, type CryptoKey, type KeyObject, type JWTPayload } from 'jose';
import { normaliseAreas } from './areas.js';

/**
 * The gateway's internal credential (architecture.md, "identity inside"): an ES256 JWT signed with the
 * gateway's own key, `aud` = the subgraph's name, at most 60 s of life, carrying the caller's verified
 * identity, scopes and areas and the request id. Subgraphs refuse anything else.
 */
export const INTERNAL_ISSUER = 'asxh-gateway';
export const INTERNAL_TYP = 'asxh-internal+jwt';
export const INTERNAL_ALG = 'ES256';
/** Longest life a request credential may have; the bench command mints longer ones on purpose. */
export const INTERNAL_MAX_TTL_SECONDS = 60;

export interface Principal {
  readonly subject: string;
  readonly clientId: string;
  readonly scopes: readonly string[];
  readonly areas: readonly string[];
  readonly requestId: string;
}

type SigningKey = CryptoKey | KeyObject | Uint8Array;

/**
 * Signs a credential for one subgraph (or, for a benchmark static header, several); `ttlSeconds` above 60 only for
 * such headers, which subgraphs accept only when configured to (INTERNAL_MAX_TTL_S).
 */
export async function mintInternalCredential(
  key: SigningKey,
  principal: Principal,
  audience: string | readonly string[],
  now: Date,
  ttlSeconds = INTERNAL_MAX_TTL_SECONDS,
): Promise<string> {
  const iat = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    client_id: principal.clientId,
    scope: principal.scopes.join(' '),
    areas: [...principal.areas],
    rid: principal.requestId,
  })
    .setProtectedHeader({ alg: INTERNAL_ALG, typ: INTERNAL_TYP })
    .setIssuer(INTERNAL_ISSUER)
    .setAudience(typeof audience === 'string' ? audience : [...audience])
    .setSubject(principal.subject)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttlSeconds)
    .sign(key);
}

/** Why a credential was refused; subgraphs answer 401 for any of them. */
export class InternalCredentialError extends Error {
  override readonly name = 'InternalCredentialError';
}

/** Verifies a credential for `audience` and returns the caller it carries. */
export async function verifyInternalCredential(
  token: string,
  key: SigningKey,
  audience: string,
  now: Date,
  maxTtlSeconds = INTERNAL_MAX_TTL_SECONDS,
): Promise<Principal> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: [INTERNAL_ALG],
      issuer: INTERNAL_ISSUER,
      audience,
      typ: INTERNAL_TYP,
      currentDate: now,
      clockTolerance: 5,
      requiredClaims: ['exp', 'iat', 'sub', 'client_id'],
    }));
  } catch (cause) {
    throw new InternalCredentialError('internal credential refused', { cause });
  }
  if ((payload.exp ?? 0) - (payload.iat ?? 0) > maxTtlSeconds) throw new InternalCredentialError('internal credential lives too long');
  const scope = typeof payload.scope === 'string' ? payload.scope : '';
  return Object.freeze({
    subject: String(payload.sub),
    clientId: String(payload.client_id),
    scopes: Object.freeze(scope.split(' ').filter(Boolean)),
    areas: Object.freeze(normaliseAreas(payload.areas)),
    requestId: typeof payload.rid === 'string' ? payload.rid : '',
  });
}
